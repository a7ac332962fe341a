package org.handoff.social.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
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
import org.handoff.inbox.rest.Versions;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.idempotency.IdempotentRequests;
import org.handoff.plumbing.idempotency.Outcome;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.social.Placement;
import org.handoff.social.service.ShelterService;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shelter placements of the caller's agency; releasing one frees its beds. */
@Path("/api/v1/placements")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shelters")
public class PlacementResource {

    private final ShelterService shelters;
    private final SectorAccess access;
    private final IdempotentRequests idempotent;

    public PlacementResource(ShelterService shelters, SectorAccess access, IdempotentRequests idempotent) {
        this.shelters = shelters;
        this.access = access;
        this.idempotent = idempotent;
    }

    public record PlacementView(UUID id, UUID shelterId, UUID caseId, String agency, int beds, Instant placedAt,
                                String placedBy, Instant releasedAt, String releasedBy, long version) {
    }

    static PlacementView view(Placement p) {
        return new PlacementView(p.id, p.shelterId, p.caseId, p.agency, p.beds, p.placedAt, p.placedBy, p.releasedAt,
                p.releasedBy, p.version);
    }

    @GET
    @WithSession
    @Operation(summary = "Placements of a case (or of a shelter)")
    public Uni<List<PlacementView>> list(@QueryParam("caseId") UUID caseId, @QueryParam("shelterId") UUID shelterId) {
        access.requireRead();
        if (caseId == null && shelterId == null) {
            throw ProblemException.badRequest("give caseId or shelterId");
        }
        Uni<List<Placement>> found = caseId != null
                ? Placement.list("caseId = ?1 order by placedAt", caseId)
                : Placement.list("shelterId = ?1 order by placedAt", shelterId);
        return found.map(list -> list.stream().filter(p -> access.canSee(p.agency)).map(PlacementResource::view).toList());
    }

    @POST
    @Path("/{id}/release")
    @Operation(summary = "The survivor left the shelter: frees the beds (If-Match required)")
    public Uni<Response> release(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                 @HeaderParam(IdempotentRequests.HEADER) String key) {
        access.requireWorker();
        long version = Versions.ifMatch(ifMatch);
        return idempotent.execute("user:" + access.userId() + " POST /api/v1/placements/" + id + "/release", key,
                Map.of("ifMatch", version), () -> shelters.release(id, version, access).map(p -> Outcome.ok(view(p))));
    }
}
