package org.handoff.health.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.health.FollowUp;
import org.handoff.health.service.EncounterService;
import org.handoff.inbox.rest.Versions;
import org.handoff.inbox.service.Page;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.idempotency.IdempotentRequests;
import org.handoff.plumbing.idempotency.Outcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Follow-up visits: what is due, and marking one done. */
@Path("/api/v1/follow-ups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups")
public class FollowUpResource {

    private final EncounterService encounters;
    private final SectorAccess access;
    private final IdempotentRequests idempotent;

    public FollowUpResource(EncounterService encounters, SectorAccess access, IdempotentRequests idempotent) {
        this.encounters = encounters;
        this.access = access;
        this.idempotent = idempotent;
    }

    @GET
    @WithSession
    @Operation(summary = "Follow-ups by due time; open=true for those not yet done")
    public Uni<Page<EncounterView.FollowUpView>> list(@QueryParam("caseId") UUID caseId,
                                                      @QueryParam("dueBefore") Instant dueBefore,
                                                      @QueryParam("open") Boolean open,
                                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        access.requireRead();
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        String agency = access.agencyScope();
        if (agency != null) {
            where.add("agency = :agency");
            params.and("agency", agency);
        }
        if (caseId != null) {
            where.add("caseId = :caseId");
            params.and("caseId", caseId);
        }
        if (dueBefore != null) {
            where.add("dueAt < :before");
            params.and("before", dueBefore);
        }
        if (open != null) {
            where.add(open ? "doneAt is null" : "doneAt is not null");
        }
        var found = FollowUp.<FollowUp>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                Sort.by("dueAt").and("id"), params);
        return found.page(page, size).list().chain(items -> found.count()
                .map(total -> new Page<>(items.stream().map(EncounterView.FollowUpView::of).toList(), page, size, total)));
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Mark the visit done (If-Match required)")
    public Uni<Response> complete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                  @HeaderParam(IdempotentRequests.HEADER) String key) {
        access.requireWorker();
        long version = Versions.ifMatch(ifMatch);
        return idempotent.execute("user:" + access.userId() + " POST /api/v1/follow-ups/" + id + "/complete", key,
                Map.of("ifMatch", version), () -> encounters.completeFollowUp(id, version, access)
                        .map(f -> Outcome.ok(EncounterView.FollowUpView.of(f))));
    }
}
