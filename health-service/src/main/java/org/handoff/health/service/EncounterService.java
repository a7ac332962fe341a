package org.handoff.health.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.ServiceType;
import org.handoff.health.Encounter;
import org.handoff.health.FollowUp;
import org.handoff.health.MedicalCertificate;
import org.handoff.health.config.HealthConfig;
import org.handoff.health.rest.EncounterRequest;
import org.handoff.inbox.pii.PiiCipher;
import org.handoff.inbox.service.CaseAccess;
import org.handoff.inbox.service.Instants;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Encounters, their follow-up schedule and the medical certificate. */
@ApplicationScoped
public class EncounterService {

    private final CaseAccess cases;
    private final PiiCipher cipher;
    private final HealthConfig config;
    private final Clock clock;

    public EncounterService(CaseAccess cases, PiiCipher cipher, HealthConfig config, Clock clock) {
        this.cases = cases;
        this.cipher = cipher;
        this.config = config;
        this.clock = clock;
    }

    /** Records the encounter and schedules every follow-up visit; runs inside the caller's transaction. */
    public Uni<Encounter> record(EncounterRequest request, SectorAccess access) {
        return cases.require(request.caseId(), access).chain(() -> {
            Encounter encounter = new Encounter();
            encounter.id = UUID.randomUUID();
            encounter.caseId = request.caseId();
            encounter.referralId = request.referralId();
            encounter.agency = access.agency();
            encounter.seenBy = access.userId();
            encounter.seenAt = request.seenAt() != null ? request.seenAt() : Instants.now(clock);
            encounter.services = join(request.servicesProvided());
            encounter.pepStarted = Boolean.TRUE.equals(request.pepStarted());
            encounter.ecGiven = Boolean.TRUE.equals(request.ecGiven());
            encounter.forensicEvidence = request.forensicEvidence() == null ? ""
                    : request.forensicEvidence().stream().sorted().collect(Collectors.joining(","));
            for (String evidence : split(encounter.forensicEvidence)) {
                if (!config.windows().forensic().containsKey(evidence)) {
                    throw ProblemException.badRequest("forensicEvidence " + evidence + " is none of "
                            + config.windows().forensic().keySet());
                }
            }
            if (request.notes() != null) {
                PiiCipher.Sealed sealed = cipher.seal(request.notes().getBytes(StandardCharsets.UTF_8),
                        encounter.id.toString());
                encounter.notesKeyId = sealed.keyId();
                encounter.notesCiphertext = sealed.data();
            }
            encounter.createdAt = Instants.now(clock);
            List<FollowUp> followUps = new ArrayList<>();
            for (Period after : config.followUps()) {
                FollowUp followUp = new FollowUp();
                followUp.id = UUID.randomUUID();
                followUp.encounterId = encounter.id;
                followUp.caseId = encounter.caseId;
                followUp.agency = encounter.agency;
                followUp.visit = after.toString();
                followUp.dueAt = encounter.seenAt.atOffset(ZoneOffset.UTC).plus(after).toInstant();
                followUps.add(followUp);
            }
            return encounter.persist()
                    .chain(() -> FollowUp.persist(followUps))
                    .replaceWith(encounter);
        });
    }

    public String notes(Encounter encounter) {
        return encounter.notesCiphertext == null ? null : new String(cipher.open(
                new PiiCipher.Sealed(encounter.notesKeyId, encounter.notesCiphertext), encounter.id.toString()),
                StandardCharsets.UTF_8);
    }

    public Uni<Encounter> visible(UUID encounterId, SectorAccess access) {
        return Encounter.<Encounter>findById(encounterId).map(encounter -> {
            if (encounter == null || !access.canSee(encounter.agency)) {
                throw ProblemException.notFound("encounter " + encounterId);
            }
            return encounter;
        });
    }

    public Uni<FollowUp> completeFollowUp(UUID id, long ifMatch, SectorAccess access) {
        return FollowUp.<FollowUp>findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).chain(followUp -> {
            if (followUp == null || !access.canSee(followUp.agency)) {
                throw ProblemException.notFound("follow-up " + id);
            }
            if (followUp.doneAt != null) {
                return Uni.createFrom().item(followUp);
            }
            if (followUp.version != ifMatch) {
                throw ProblemException.preconditionFailed("follow-up " + id + " is at version " + followUp.version
                        + ", you sent " + ifMatch);
            }
            followUp.doneAt = Instants.now(clock);
            followUp.doneBy = access.userId();
            return followUp.<FollowUp>persistAndFlush();
        });
    }

    /** Issues the certificate of an encounter, recording the survivor's decision on sharing it with police. */
    public Uni<MedicalCertificate> certify(UUID encounterId, String findings, boolean policeConsent,
                                           SectorAccess access) {
        return visible(encounterId, access).chain(encounter -> MedicalCertificate
                .<MedicalCertificate>find("encounterId", encounterId).firstResult().chain(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("encounter " + encounterId + " already has certificate " + existing.id);
                    }
                    Instant now = Instants.now(clock);
                    MedicalCertificate certificate = new MedicalCertificate();
                    certificate.id = UUID.randomUUID();
                    certificate.encounterId = encounterId;
                    certificate.caseId = encounter.caseId;
                    certificate.agency = encounter.agency;
                    certificate.issuedBy = access.userId();
                    certificate.issuedAt = now;
                    PiiCipher.Sealed sealed = cipher.seal(findings.getBytes(StandardCharsets.UTF_8), certificate.id.toString());
                    certificate.findingsKeyId = sealed.keyId();
                    certificate.findingsCiphertext = sealed.data();
                    certificate.policeConsent = policeConsent;
                    certificate.consentRecordedBy = access.userId();
                    certificate.consentRecordedAt = now;
                    return certificate.<MedicalCertificate>persist();
                }));
    }

    public String findings(MedicalCertificate certificate) {
        return new String(cipher.open(new PiiCipher.Sealed(certificate.findingsKeyId, certificate.findingsCiphertext),
                certificate.id.toString()), StandardCharsets.UTF_8);
    }

    public static Set<ServiceType> services(Encounter encounter) {
        Set<ServiceType> services = EnumSet.noneOf(ServiceType.class);
        split(encounter.services).forEach(s -> services.add(ServiceType.valueOf(s)));
        return services;
    }

    public static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }

    private static String join(Set<ServiceType> services) {
        return services == null ? "" : services.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
