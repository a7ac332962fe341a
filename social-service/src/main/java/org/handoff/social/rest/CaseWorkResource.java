package org.handoff.social.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.inbox.rest.Versions;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.idempotency.IdempotentRequests;
import org.handoff.plumbing.idempotency.Outcome;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.social.LegalAid;
import org.handoff.social.PsychosocialSession;
import org.handoff.social.SafetyPlan;
import org.handoff.social.service.CaseWorkService;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case's safety plan, psychosocial sessions and legal aid, for the agency that holds the case. */
@Path("/api/v1/cases/{caseId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case work")
public class CaseWorkResource {

    private final CaseWorkService work;
    private final SectorAccess access;
    private final IdempotentRequests idempotent;

    public CaseWorkResource(CaseWorkService work, SectorAccess access, IdempotentRequests idempotent) {
        this.work = work;
        this.access = access;
        this.idempotent = idempotent;
    }

    public record SafetyPlanView(UUID caseId, String agency, CaseWorkRequests.SafetyPlanBody plan, String updatedBy,
                                 Instant updatedAt, long version) {
    }

    public record SessionView(UUID id, UUID caseId, Instant heldAt, int durationMinutes, String modality,
                              String counsellor) {
        static SessionView of(PsychosocialSession s) {
            return new SessionView(s.id, s.caseId, s.heldAt, s.durationMinutes, s.modality, s.counsellor);
        }
    }

    public record LegalAidView(UUID id, UUID caseId, String matter, String provider, Instant requestedAt,
                               String requestedBy) {
        static LegalAidView of(LegalAid a) {
            return new LegalAidView(a.id, a.caseId, a.matter, a.provider, a.requestedAt, a.requestedBy);
        }
    }

    @GET
    @Path("/safety-plan")
    @WithSession
    @Operation(summary = "The case's safety plan (social workers of the agency holding the case)")
    public Uni<Response> plan(@PathParam("caseId") UUID caseId) {
        access.requireWorker();
        return work.requireCase(caseId, access).chain(() -> SafetyPlan.<SafetyPlan>findById(caseId)).map(plan -> {
            if (plan == null) {
                throw ProblemException.notFound("safety plan of case " + caseId);
            }
            return Response.ok(view(plan)).tag(new EntityTag(Long.toString(plan.version))).build();
        });
    }

    @PUT
    @Path("/safety-plan")
    @WithTransaction
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write the safety plan; replacing one needs If-Match")
    public Uni<Response> savePlan(@PathParam("caseId") UUID caseId, @HeaderParam("If-Match") String ifMatch,
                                  @NotNull @Valid CaseWorkRequests.SafetyPlanBody body) {
        access.requireWorker();
        Long version = ifMatch == null ? null : Versions.ifMatch(ifMatch);
        return work.savePlan(caseId, body, version, access)
                .map(plan -> Response.ok(view(plan)).tag(new EntityTag(Long.toString(plan.version))).build());
    }

    @GET
    @Path("/sessions")
    @WithSession
    @Operation(summary = "Psychosocial sessions held on the case")
    public Uni<List<SessionView>> sessions(@PathParam("caseId") UUID caseId) {
        access.requireRead();
        return work.sessions(caseId, access).map(list -> list.stream().map(SessionView::of).toList());
    }

    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a psychosocial session")
    public Uni<Response> addSession(@PathParam("caseId") UUID caseId, @HeaderParam(IdempotentRequests.HEADER) String key,
                                    @NotNull @Valid CaseWorkRequests.SessionBody body) {
        access.requireWorker();
        return idempotent.execute("user:" + access.userId() + " POST /api/v1/cases/" + caseId + "/sessions", key, body,
                () -> work.addSession(caseId, body, access).map(s -> Outcome.created(
                        URI.create("/api/v1/cases/" + caseId + "/sessions"), SessionView.of(s))));
    }

    @GET
    @Path("/legal-aid")
    @WithSession
    @Operation(summary = "Legal aid arranged on the case")
    public Uni<List<LegalAidView>> legalAid(@PathParam("caseId") UUID caseId) {
        access.requireRead();
        return work.legalAid(caseId, access).map(list -> list.stream().map(LegalAidView::of).toList());
    }

    @POST
    @Path("/legal-aid")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Arrange legal aid")
    public Uni<Response> addLegalAid(@PathParam("caseId") UUID caseId, @HeaderParam(IdempotentRequests.HEADER) String key,
                                     @NotNull @Valid CaseWorkRequests.LegalAidBody body) {
        access.requireWorker();
        return idempotent.execute("user:" + access.userId() + " POST /api/v1/cases/" + caseId + "/legal-aid", key, body,
                () -> work.addLegalAid(caseId, body, access).map(a -> Outcome.created(
                        URI.create("/api/v1/cases/" + caseId + "/legal-aid"), LegalAidView.of(a))));
    }

    private SafetyPlanView view(SafetyPlan plan) {
        return new SafetyPlanView(plan.caseId, plan.agency, work.open(plan), plan.updatedBy, plan.updatedAt, plan.version);
    }
}
