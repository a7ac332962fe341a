package org.handoff.social.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.inbox.service.Instants;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.social.ChildProtectionNotification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Child-protection notifications: one for every minor, open until a social worker acknowledges it. */
@Path("/api/v1/child-protection")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Child protection")
public class ChildProtectionResource {

    private final SectorAccess access;
    private final Clock clock;

    public ChildProtectionResource(SectorAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    public record NotificationView(UUID id, UUID caseId, String agency, String source, UUID sourceId, Instant createdAt,
                                   Instant acknowledgedAt, String acknowledgedBy) {
        static NotificationView of(ChildProtectionNotification n) {
            return new NotificationView(n.id, n.caseId, n.agency, n.source, n.sourceId, n.createdAt, n.acknowledgedAt,
                    n.acknowledgedBy);
        }
    }

    @GET
    @WithSession
    @Operation(summary = "Notifications, oldest first; open=true for those nobody acknowledged yet")
    public Uni<List<NotificationView>> list(@QueryParam("open") Boolean open, @QueryParam("caseId") UUID caseId) {
        access.requireRead();
        String agency = access.agencyScope();
        List<String> where = new java.util.ArrayList<>();
        var params = new io.quarkus.panache.common.Parameters();
        if (agency != null) {
            where.add("(agency is null or agency = :agency)");
            params.and("agency", agency);
        }
        if (open != null) {
            where.add(open ? "acknowledgedAt is null" : "acknowledgedAt is not null");
        }
        if (caseId != null) {
            where.add("caseId = :caseId");
            params.and("caseId", caseId);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return ChildProtectionNotification.<ChildProtectionNotification>list(query + " order by createdAt", params)
                .map(list -> list.stream().map(NotificationView::of).toList());
    }

    @POST
    @Path("/{id}/acknowledge")
    @WithTransaction
    @Operation(summary = "A social worker has taken the child-protection duty on")
    public Uni<NotificationView> acknowledge(@PathParam("id") UUID id) {
        access.requireWorker();
        return ChildProtectionNotification.<ChildProtectionNotification>findById(id).map(n -> {
            if (n == null || !access.canSee(n.agency)) {
                throw ProblemException.notFound("child-protection notification " + id);
            }
            if (n.acknowledgedAt == null) {
                n.acknowledgedAt = Instants.now(clock);
                n.acknowledgedBy = access.userId();
                n.agency = n.agency != null ? n.agency : access.agency();
            }
            return NotificationView.of(n);
        });
    }
}
