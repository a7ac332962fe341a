package org.handoff.health.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.health.MedicalCertificate;
import org.handoff.health.service.EncounterService;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.plumbing.security.Caller;
import org.handoff.plumbing.security.Roles;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Medical certificates. The treating agency's health workers read their own; a police officer reads
 * one only where the survivor consented to police seeing it; nobody else.
 */
@Path("/api/v1/certificates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Medical certificates")
public class CertificateResource {

    private static final Set<String> POLICE_ROLES = Set.of(Roles.POLICE_OFFICER, Roles.DUTY_OFFICER, Roles.SUPERVISOR);

    private final EncounterService encounters;
    private final SectorAccess access;
    private final Caller caller;

    public CertificateResource(EncounterService encounters, SectorAccess access, Caller caller) {
        this.encounters = encounters;
        this.access = access;
        this.caller = caller;
    }

    public record CertificateView(UUID id, UUID encounterId, UUID caseId, String agency, String issuedBy,
                                  Instant issuedAt, boolean policeConsent, String consentRecordedBy,
                                  Instant consentRecordedAt, String findings) {
    }

    static CertificateView view(MedicalCertificate c, String findings) {
        return new CertificateView(c.id, c.encounterId, c.caseId, c.agency, c.issuedBy, c.issuedAt, c.policeConsent,
                c.consentRecordedBy, c.consentRecordedAt, findings);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "A certificate with its findings: the treating agency, or police where the survivor consented")
    public Uni<CertificateView> get(@PathParam("id") UUID id) {
        boolean police = POLICE_ROLES.stream().anyMatch(caller::hasRole);
        boolean health = access.isWorker();
        if (!police && !health) {
            throw SectorAccess.forbidden("certificates are for the treating health workers, and police with consent");
        }
        return MedicalCertificate.<MedicalCertificate>findById(id).map(certificate -> {
            if (certificate == null) {
                throw ProblemException.notFound("certificate " + id);
            }
            if (health && access.canSee(certificate.agency)) {
                return view(certificate, encounters.findings(certificate));
            }
            if (police && certificate.policeConsent) {
                return view(certificate, encounters.findings(certificate));
            }
            if (police) {
                throw SectorAccess.forbidden("the survivor did not consent to police reading this certificate");
            }
            throw ProblemException.notFound("certificate " + id);
        });
    }
}
