package org.handoff.plumbing.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
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

/** This service's outbox backlog, for administrators watching the flows; audited like every admin call. */
@Path("/api/v1/admin/outbox")
@Tag(name = "Admin: flows")
public class OutboxResource {

    private final OutboxBacklog backlog;
    private final AuditLog audit;
    private final Caller caller;

    public OutboxResource(OutboxBacklog backlog, AuditLog audit, Caller caller) {
        this.backlog = backlog;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unsent outbox rows of this service and the age of the oldest")
    public Uni<OutboxBacklog.Backlog> backlog() {
        return backlog.now().call(now -> Panache.withTransaction(() -> audit.record(caller.who(), "outbox.read", "outbox", "*",
                "unsent=" + now.unsent())));
    }
}
