package org.handoff.referral.rest;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.handoff.events.Priority;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;
import org.handoff.plumbing.idempotency.IdempotentRequests;
import org.handoff.plumbing.idempotency.Outcome;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.plumbing.security.Roles;
import org.handoff.referral.CaseFile;
import org.handoff.referral.service.Access;
import org.handoff.referral.service.CaseQueries;
import org.handoff.referral.service.ReferralCommands;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class ReferralResource {

    private final CaseQueries queries;
    private final ReferralCommands commands;
    private final IdempotentRequests idempotent;
    private final Access access;
    private final AuditLog audit;
    private final Caller caller;
    private final Clock clock;

    public ReferralResource(CaseQueries queries, ReferralCommands commands, IdempotentRequests idempotent, Access access,
                            AuditLog audit, Caller caller, Clock clock) {
        this.queries = queries;
        this.audit = audit;
        this.caller = caller;
        this.commands = commands;
        this.idempotent = idempotent;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @WithTransaction
    @RolesAllowed({Roles.CASE_MANAGER, Roles.ADMIN, Roles.POLICE_OFFICER, Roles.HEALTH_WORKER, Roles.SOCIAL_WORKER,
            Roles.DUTY_OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Referrals by state, sector, agency, priority or overdue, newest first; an agency sees its own")
    public Uni<Page<ReferralSummary>> list(@QueryParam("state") ReferralState state, @QueryParam("sector") Sector sector,
                                           @QueryParam("agency") String agency, @QueryParam("priority") Priority priority,
                                           @QueryParam("overdue") Boolean overdue,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return queries.referrals(state, sector, agency, priority, overdue, page, size, access)
                .call(found -> audit.record(caller.who(), "referral.list", "referrals", "page " + page,
                        "state=" + state + " sector=" + sector + " agency=" + agency + " priority=" + priority
                                + " overdue=" + overdue + " returned=" + found.items().size()));
    }

    @GET
    @Path("/{referralId}")
    @WithTransaction
    @RolesAllowed({Roles.CASE_MANAGER, Roles.ADMIN, Roles.POLICE_OFFICER, Roles.HEALTH_WORKER, Roles.SOCIAL_WORKER,
            Roles.DUTY_OFFICER, Roles.SUPERVISOR})
    public Uni<ReferralSummary> get(@PathParam("referralId") UUID referralId) {
        return queries.visibleReferral(referralId, access)
                .call(r -> audit.record(caller.who(), "referral.read", "referral", referralId.toString(), null))
                .map(r -> ReferralSummary.of(r, Instant.now(clock)));
    }

    @POST
    @Path("/{referralId}/cancellation")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.POLICE_OFFICER, Roles.HEALTH_WORKER, Roles.SOCIAL_WORKER})
    @Operation(summary = "Cancel a referral (case manager, or the referring agency); the recipient is told")
    public Uni<Response> cancel(@PathParam("referralId") UUID referralId,
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @Valid @NotNull Requests.Cancel request) {
        var actor = access.actor();
        return idempotent.execute(access.scope("POST referrals/" + referralId + "/cancellation"), idempotencyKey, request,
                () -> queries.visibleReferral(referralId, access).chain(referral -> {
                    if (!access.caseManager() && !actor.agency().equals(referral.referringAgency)) {
                        throw new ProblemException(403, "not-referrer", "Forbidden",
                                "only the referring agency or a case manager may cancel this referral");
                    }
                    return CaseFile.<CaseFile>findById(referral.caseId)
                            .chain(caseFile -> commands.cancel(referral, request.reason(), actor, caseFile.correlationId))
                            .call(() -> audit.record(caller.who(), "referral.cancel", "referral", referralId.toString(),
                                    request.reason().name()));
                }).map(referral -> Outcome.ok(ReferralSummary.of(referral, Instant.now(clock)))));
    }
}
