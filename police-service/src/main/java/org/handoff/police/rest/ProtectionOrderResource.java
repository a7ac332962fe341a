package org.handoff.police.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.inbox.rest.Params;
import org.handoff.inbox.rest.Versions;
import org.handoff.inbox.service.Instants;
import org.handoff.inbox.service.Page;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.idempotency.IdempotentRequests;
import org.handoff.plumbing.idempotency.Outcome;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.police.ProtectionOrder;
import org.handoff.police.repository.ProtectionOrderRepository;
import org.handoff.police.service.ProtectionOrderService;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Protection orders: what is due (and by when), what is in force, what expires. */
@Path("/api/v1/protection-orders")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Protection orders")
public class ProtectionOrderResource {

    private final ProtectionOrderRepository orders;
    private final ProtectionOrderService service;
    private final SectorAccess access;
    private final IdempotentRequests idempotent;
    private final Clock clock;

    public ProtectionOrderResource(ProtectionOrderRepository orders, ProtectionOrderService service,
                                   SectorAccess access, IdempotentRequests idempotent, Clock clock) {
        this.orders = orders;
        this.service = service;
        this.access = access;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    public record IssueRequest(@NotNull @Min(1) @Max(366) Integer durationDays, Instant startsAt,
                               @Size(max = 100) String orderNumber) {
    }

    @GET
    @WithSession
    @Operation(summary = "Orders by status (DUE, OVERDUE, ACTIVE, EXPIRED, CANCELLED) or expiring before a time")
    public Uni<Page<ProtectionOrderView>> list(@QueryParam("status") String status,
                                               @QueryParam("expiringBefore") Instant expiringBefore,
                                               @QueryParam("caseId") UUID caseId,
                                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        access.requireRead();
        Instant now = Instants.now(clock);
        return orders.list(access.agencyScope(), Params.enumOf(ProtectionOrder.Status.class, status, "status"),
                expiringBefore, caseId, now, page, size).map(found -> found.map(o -> ProtectionOrderView.of(o, now)));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One order; its ETag is the version to send in If-Match")
    public Uni<Response> get(@PathParam("id") UUID id) {
        access.requireRead();
        return orders.findById(id).map(order -> {
            if (order == null || !access.canSee(order.agency)) {
                throw ProblemException.notFound("protection order " + id);
            }
            return Response.ok(ProtectionOrderView.of(order, Instants.now(clock)))
                    .tag(new EntityTag(Long.toString(order.version))).build();
        });
    }

    @POST
    @Path("/{id}/issue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the order as issued for 3-30 days (If-Match required)")
    public Uni<Response> issue(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                               @HeaderParam(IdempotentRequests.HEADER) String key,
                               @NotNull @Valid IssueRequest body) {
        access.requireWorker();
        long version = Versions.ifMatch(ifMatch);
        var issue = new ProtectionOrderService.Issue(id, version, body.durationDays(), body.startsAt(), body.orderNumber());
        return idempotent.execute("user:" + access.userId() + " POST /api/v1/protection-orders/" + id + "/issue", key,
                Map.of("ifMatch", version, "body", body),
                () -> service.issue(issue, access).map(order -> Outcome.ok(ProtectionOrderView.of(order, Instants.now(clock)))));
    }
}
