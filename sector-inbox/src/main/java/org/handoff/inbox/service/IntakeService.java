package org.handoff.inbox.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.handoff.events.Actor;
import org.handoff.events.CaseReported;
import org.handoff.events.Consent;
import org.handoff.events.ConsentWithdrawn;
import org.handoff.events.EventJson;
import org.handoff.events.EventTypes;
import org.handoff.events.IdentifierKind;
import org.handoff.events.Incident;
import org.handoff.events.LegalOverrideRecord;
import org.handoff.events.MatchKey;
import org.handoff.events.RiskAssessment;
import org.handoff.events.RiskLevel;
import org.handoff.events.RiskScale;
import org.handoff.events.RuleFiles;
import org.handoff.events.SafeContact;
import org.handoff.events.Survivor;
import org.handoff.events.Topics;
import org.handoff.inbox.ConsentWithdrawal;
import org.handoff.inbox.SurvivorReport;
import org.handoff.inbox.config.MatchKeyConfig;
import org.handoff.inbox.config.SectorConfig;
import org.handoff.inbox.pii.KeyMaterial;
import org.handoff.inbox.pii.PiiCipher;
import org.handoff.inbox.repository.ReportRepository;
import org.handoff.inbox.rest.ConsentWithdrawalRequest;
import org.handoff.inbox.rest.ReportRequest;
import org.handoff.inbox.rest.ReportView;
import org.handoff.plumbing.RulesConfig;
import org.handoff.plumbing.outbox.Outbox;
import org.handoff.plumbing.outbox.OutgoingEvent;
import org.handoff.plumbing.problem.ProblemException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Intake at any sector: seals the survivor's identity, derives the pseudonymous case report (match
 * keys, never raw identifiers) and publishes it through the outbox in the same transaction.
 */
@ApplicationScoped
public class IntakeService {

    private final ReportRepository reports;
    private final RiskScale riskScale;
    private final Outbox outbox;
    private final PiiCipher cipher;
    private final ObjectMapper json;
    private final Clock clock;
    private final SectorConfig sector;
    private final byte[] matchKeySecret;
    private final Instance<IntakeListener> listeners;

    public IntakeService(ReportRepository reports, Outbox outbox, PiiCipher cipher, ObjectMapper json, Clock clock,
                         SectorConfig sector, MatchKeyConfig matchKey, Instance<IntakeListener> listeners,
                         RulesConfig rules) {
        this.riskScale = RuleFiles.riskScale(rules.file(), rules.country());
        this.reports = reports;
        this.outbox = outbox;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
        this.sector = sector;
        this.matchKeySecret = KeyMaterial.decode(matchKey.secret(), "handoff.match-key.secret");
        this.listeners = listeners;
    }

    /** Runs inside the caller's transaction; answers with the identity masked (the answer is kept for replays). */
    public Uni<ReportView> report(ReportRequest request, Actor actor) {
        Instant now = Instants.now(clock);
        UUID reportId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        String survivorRef = sector.name() + "-" + reportId;
        CaseReported event;
        try {
            event = caseReported(request, actor, now, reportId, caseId, survivorRef);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        int prior = request.incident().priorIncidentsLast12Months();
        // the scale referral-service routes by: a report HIGH here is HIGH there
        RiskLevel level = riskScale.score(event.risk(), prior).level();

        var survivor = request.survivor();
        SurvivorPii pii = new SurvivorPii(survivor.fullName(), survivor.nationalId(), survivor.phone(),
                survivor.address(), survivor.dateOfBirth(), request.incident().place());
        PiiCipher.Sealed sealed = cipher.seal(write(pii), reportId.toString());

        SurvivorReport report = new SurvivorReport();
        report.id = reportId;
        report.caseId = caseId;
        report.sector = sector.sector();
        report.agency = actor.agency();
        report.reportedBy = actor.userId();
        report.reportedAt = now;
        report.region = request.region();
        report.survivorRef = survivorRef;
        report.minor = event.survivor().minor();
        report.incidentType = event.incident().type();
        report.incidentAt = event.incident().occurredAt();
        report.riskLevel = level;
        report.piiKeyId = sealed.keyId();
        report.piiCiphertext = sealed.data();
        report.caseReported = EventJson.toJson(event);
        report.correlationId = UUID.randomUUID().toString();

        Uni<Void> work = reports.persist(report)
                .chain(() -> outbox.append(new OutgoingEvent(UUID.randomUUID(), Topics.CASE_REPORTED, caseId.toString(),
                        EventTypes.CASE_REPORTED, caseId.toString(), report.correlationId, event)))
                .replaceWithVoid();
        for (IntakeListener listener : listeners) {
            work = work.chain(() -> listener.reported(report, event, level));
        }
        return work.map(ignored -> view(report, false, Map.of()));
    }

    /**
     * Records a withdrawal of consent the survivor made here and announces it to referral-service,
     * which cancels the referrals concerned and tells each recipient. Runs inside the caller's transaction.
     */
    public Uni<ConsentWithdrawn> withdrawConsent(SurvivorReport report, ConsentWithdrawalRequest request, Actor actor) {
        Instant now = Instants.now(clock);
        ConsentWithdrawn event = new ConsentWithdrawn(report.caseId, report.survivorRef, request.sectors(),
                request.dataCategories(), List.of(), actor, now);
        ConsentWithdrawal withdrawal = new ConsentWithdrawal();
        withdrawal.id = UUID.randomUUID();
        withdrawal.reportId = report.id;
        withdrawal.caseId = report.caseId;
        withdrawal.sectors = event.sectors().stream().map(Enum::name).collect(Collectors.joining(","));
        withdrawal.dataCategories = event.dataCategories().stream().map(Enum::name).collect(Collectors.joining(","));
        withdrawal.recordedBy = actor.userId();
        withdrawal.recordedAt = now;
        return withdrawal.persist()
                .chain(() -> outbox.append(new OutgoingEvent(UUID.randomUUID(), Topics.REFERRAL_STATUS,
                        report.caseId.toString(), EventTypes.CONSENT_WITHDRAWN, report.caseId.toString(),
                        report.correlationId, event)))
                .replaceWith(event);
    }

    /** The report as a caller sees it; {@code clear} only for a caller whose role needs the identity. */
    public ReportView view(SurvivorReport report, boolean clear, Map<String, Object> sectorDetails) {
        CaseReported event = EventJson.read(report.caseReported.getBytes(StandardCharsets.UTF_8), CaseReported.class);
        SurvivorPii pii = read(cipher.open(new PiiCipher.Sealed(report.piiKeyId, report.piiCiphertext),
                report.id.toString()));
        RiskAssessment risk = event.risk();
        return new ReportView(report.id, report.caseId, report.sector, report.agency, report.reportedBy,
                report.reportedAt, report.region, report.survivorRef, clear ? pii : pii.masked(), !clear,
                event.survivor().ageYears(), event.survivor().minor(), event.survivor().dependentChildren(),
                event.survivor().preferredLanguage(), event.survivor().safeContact(), event.incident(),
                report.riskLevel, risk == null ? null : risk.yesCount(), event.servicesRequested(), event.consents(),
                event.legalOverrides().stream().map(LegalOverrideRecord::basis).toList(), sectorDetails);
    }

    private CaseReported caseReported(ReportRequest request, Actor actor, Instant now, UUID reportId, UUID caseId,
                                      String survivorRef) {
        var given = request.survivor();
        Integer age = given.ageYears() != null ? given.ageYears()
                : given.dateOfBirth() == null ? null
                : Period.between(given.dateOfBirth(), LocalDate.ofInstant(now, ZoneOffset.UTC)).getYears();
        boolean minor = age != null ? age < 18 : given.minor();
        if (given.minor() != null && given.minor() != minor) {
            throw new IllegalArgumentException("survivor.minor contradicts the age given");
        }
        List<MatchKey> matchKeys = new ArrayList<>();
        if (given.nationalId() != null) {
            matchKeys.add(MatchKey.compute(matchKeySecret, IdentifierKind.NATIONAL_ID, given.nationalId()));
        }
        if (given.phone() != null) {
            matchKeys.add(MatchKey.compute(matchKeySecret, IdentifierKind.PHONE, given.phone()));
        }
        var contact = given.safeContact();
        Survivor survivor = new Survivor(survivorRef, matchKeys, age, minor, given.dependentChildren(),
                given.preferredLanguage(), new SafeContact(contact.method(), contact.canLeaveMessage(),
                contact.safeFrom(), contact.safeTo(), contact.timeZone()));
        var incident = request.incident();
        Incident facts = new Incident(incident.type(), incident.occurredAt(), incident.timeApproximate(),
                incident.injuryReported(), incident.priorIncidentsLast12Months());
        RiskAssessment risk = request.risk() == null ? null
                : new RiskAssessment(request.risk().answers(), request.risk().professionalJudgement(), actor, now);
        List<Consent> consents = request.consents().stream()
                .map(c -> new Consent(c.sector(), c.dataCategories(), c.granted(), actor, now)).toList();
        List<LegalOverrideRecord> overrides = request.legalOverrides() == null ? List.of()
                : request.legalOverrides().stream()
                .map(o -> new LegalOverrideRecord(o.basis(), o.sectors(), o.reason(), actor, now)).toList();
        return new CaseReported(caseId, reportId, sector.sector(), actor, now, request.region(), survivor, facts, risk,
                request.servicesRequested(), consents, overrides);
    }

    private byte[] write(SurvivorPii pii) {
        try {
            return json.writeValueAsBytes(pii);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SurvivorPii read(byte[] plain) {
        try {
            return json.readValue(plain, SurvivorPii.class);
        } catch (IOException e) {
            throw new IllegalStateException("sealed PII is not readable", e);
        }
    }
}
