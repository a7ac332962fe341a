package org.handoff.health.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.health.Encounter;
import org.handoff.health.FollowUp;
import org.handoff.health.service.EncounterService;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.idempotency.IdempotentRequests;
import org.handoff.plumbing.idempotency.Outcome;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Clinical encounters: recording one schedules the follow-ups; a certificate can be issued from it. */
@Path("/api/v1/encounters")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Encounters")
public class EncounterResource {

    private final EncounterService encounters;
    private final SectorAccess access;
    private final IdempotentRequests idempotent;

    public EncounterResource(EncounterService encounters, SectorAccess access, IdempotentRequests idempotent) {
        this.encounters = encounters;
        this.access = access;
        this.idempotent = idempotent;
    }

    public record CertificateRequest(@NotBlank @Size(max = 10000) String findings, @NotNull Boolean policeConsent) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an encounter on a case this agency holds; schedules follow-ups at 2 weeks, 3 and 6 months")
    public Uni<Response> record(@HeaderParam(IdempotentRequests.HEADER) String key,
                                @NotNull @Valid EncounterRequest request) {
        access.requireWorker();
        return idempotent.execute("user:" + access.userId() + " POST /api/v1/encounters", key, request,
                () -> encounters.record(request, access).chain(encounter -> followUps(encounter.id)
                        .map(followUps -> Outcome.created(URI.create("/api/v1/encounters/" + encounter.id),
                                view(encounter, followUps, false)))));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One encounter with its follow-ups; notes only for the treating agency's health workers")
    public Uni<EncounterView> get(@PathParam("id") UUID id) {
        access.requireRead();
        return encounters.visible(id, access).chain(encounter -> followUps(id)
                .map(followUps -> view(encounter, followUps, access.isWorker())));
    }

    @POST
    @Path("/{id}/certificate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue the medical certificate, recording whether the survivor consents to police reading it")
    public Uni<Response> certify(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                                 @NotNull @Valid CertificateRequest request) {
        access.requireWorker();
        return idempotent.execute("user:" + access.userId() + " POST /api/v1/encounters/" + id + "/certificate", key,
                request, () -> encounters.certify(id, request.findings(), request.policeConsent(), access)
                        .map(c -> Outcome.created(URI.create("/api/v1/certificates/" + c.id),
                                CertificateResource.view(c, null))));
    }

    private static Uni<List<FollowUp>> followUps(UUID encounterId) {
        return FollowUp.list("encounterId = ?1 order by dueAt", encounterId);
    }

    private EncounterView view(Encounter e, List<FollowUp> followUps, boolean withNotes) {
        return new EncounterView(e.id, e.caseId, e.referralId, e.agency, e.seenBy, e.seenAt, EncounterService.services(e),
                e.pepStarted, e.ecGiven, EncounterService.split(e.forensicEvidence),
                withNotes ? encounters.notes(e) : null,
                followUps.stream().map(EncounterView.FollowUpView::of).toList());
    }
}
