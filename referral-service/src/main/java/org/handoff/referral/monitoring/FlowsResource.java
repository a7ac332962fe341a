package org.handoff.referral.monitoring;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.security.Caller;
import org.handoff.plumbing.security.Roles;

/** The event flows across all services, as the broker sees them: rates, end offsets, consumer lag. */
@Path("/api/v1/admin/flows")
@Tag(name = "Admin: flows")
public class FlowsResource {

    private final FlowMonitor monitor;
    private final AuditLog audit;
    private final Caller caller;
    private final Vertx vertx;

    public FlowsResource(FlowMonitor monitor, AuditLog audit, Caller caller, Vertx vertx) {
        this.monitor = monitor;
        this.audit = audit;
        this.caller = caller;
        this.vertx = vertx;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Per topic end offsets and produce rate; per consumer group and partition committed offset and lag")
    public Uni<FlowSnapshot> flows() {
        AuditLog.Who who = caller.who();
        return Uni.createFrom().completionStage(() -> vertx.executeBlocking(monitor::current, false).toCompletionStage())
                .call(snapshot -> Panache.withTransaction(() -> audit.record(who, "flows.read", "flows", "*",
                        "as of " + snapshot.asOf())));
    }
}
