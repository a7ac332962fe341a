package org.handoff.notification.rest;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.events.DeadlineKind;
import org.handoff.events.Priority;
import org.handoff.notification.Escalation;
import org.handoff.notification.repository.EscalationRepository;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.security.Caller;
import org.handoff.plumbing.security.Roles;

import java.time.Instant;
import java.util.UUID;

/** Overdue referrals walking their chains: open ones, and where each one stopped. Each list is an audit row. */
@Path("/api/v1/escalations")
@Tag(name = "Escalations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
public class EscalationResource {

    private final EscalationRepository escalations;
    private final AuditLog audit;
    private final Caller caller;

    public EscalationResource(EscalationRepository escalations, AuditLog audit, Caller caller) {
        this.escalations = escalations;
        this.audit = audit;
        this.caller = caller;
    }

    public record EscalationView(UUID id, UUID referralId, UUID caseId, String agency, DeadlineKind deadline,
                                 Instant dueAt, Priority priority, int level, Escalation.State state,
                                 Instant nextEscalationAt, Integer acknowledgedLevel, String acknowledgedBy,
                                 Instant openedAt, Instant closedAt) {
    }

    @GET
    @WithTransaction
    @Operation(summary = "Escalations, newest first; a supervisor sees their own agency's")
    public Uni<Page<EscalationView>> list(@QueryParam("state") Escalation.State state, @QueryParam("agency") String agency,
                                          @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int p = Page.page(page);
        int s = Page.size(size);
        String scope = caller.hasRole(Roles.ADMIN) ? agency : caller.agency().orElse("-");
        return escalations.page(state, scope, p, s).chain(list -> escalations.count(state, scope).map(total -> new Page<>(
                list.stream().map(e -> new EscalationView(e.id, e.referralId, e.caseId, e.agency, e.deadline, e.dueAt,
                        e.priority, e.level, e.state, e.nextEscalationAt, e.acknowledgedLevel, e.acknowledgedBy,
                        e.openedAt, e.closedAt)).toList(), p, s, total)))
                .call(found -> audit.record(caller.who(), "escalation.list", "escalations",
                        (scope == null ? "all agencies" : "agency " + scope) + " page " + p,
                        (state == null ? "" : "state " + state + ", ") + "returned " + found.items().size()));
    }
}
