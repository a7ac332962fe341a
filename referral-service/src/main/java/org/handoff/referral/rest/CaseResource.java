package org.handoff.referral.rest;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.handoff.events.LegalOverrideRecord;
import org.handoff.plumbing.idempotency.IdempotentRequests;
import org.handoff.plumbing.idempotency.Outcome;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.plumbing.security.Roles;
import org.handoff.referral.CaseFile;
import org.handoff.referral.service.Access;
import org.handoff.referral.service.CaseQueries;
import org.handoff.referral.service.ReferralCommands;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseResource {

    private final CaseQueries queries;
    private final ReferralCommands commands;
    private final IdempotentRequests idempotent;
    private final Access access;
    private final AuditLog audit;
    private final Caller caller;
    private final Clock clock;

    public CaseResource(CaseQueries queries, ReferralCommands commands, IdempotentRequests idempotent, Access access,
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
    @RolesAllowed({Roles.CASE_MANAGER, Roles.POLICE_OFFICER, Roles.HEALTH_WORKER, Roles.SOCIAL_WORKER,
            Roles.DUTY_OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "The case as the caller's role may see it")
    public Uni<CaseView> get(@PathParam("caseId") UUID caseId) {
        return queries.caseView(caseId, access)
                .call(() -> audit.record(caller.who(), "case.read", "case", caseId.toString(), null));
    }

    @GET
    @Path("/timeline")
    @WithTransaction
    @RolesAllowed({Roles.CASE_MANAGER, Roles.POLICE_OFFICER, Roles.HEALTH_WORKER, Roles.SOCIAL_WORKER,
            Roles.DUTY_OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Every step of every referral the caller may see, with who, when, which agency and the latency")
    public Uni<List<TimelineEntry>> timeline(@PathParam("caseId") UUID caseId) {
        return queries.timeline(caseId, access)
                .call(() -> audit.record(caller.who(), "case.timeline.read", "case", caseId.toString(), null));
    }

    @POST
    @Path("/referrals")
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Refer an open case to another sector; consent or a legal override with its reason is required")
    public Uni<Response> addReferral(@PathParam("caseId") UUID caseId,
                                     @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                     @Valid @NotNull Requests.AddReferral request) {
        var actor = access.actor();
        return idempotent.execute(access.scope("POST cases/" + caseId + "/referrals"), idempotencyKey, request,
                () -> existingCase(caseId).chain(caseFile -> commands.addReferral(caseFile, request.sector(),
                                request.priority(), request.services() == null ? Set.of() : request.services(),
                                request.legalOverride() == null ? null : new LegalOverrideRecord(request.legalOverride().basis(),
                                        Set.of(request.sector()), request.legalOverride().reason(), actor, Instant.now(clock)),
                                actor))
                        .call(referral -> audit.record(caller.who(), "referral.create", "referral", referral.id.toString(),
                                "case " + caseId + " to " + request.sector()
                                        + (request.legalOverride() == null ? "" : " under " + request.legalOverride().basis())))
                        .map(referral -> Outcome.created(URI.create("/api/v1/referrals/" + referral.id),
                                ReferralSummary.of(referral, Instant.now(clock)))));
    }

    @POST
    @Path("/consent-withdrawals")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.POLICE_OFFICER, Roles.HEALTH_WORKER, Roles.SOCIAL_WORKER})
    @Operation(summary = "Record that the survivor withdrew consent: open referrals to those sectors are cancelled and every recipient is told")
    public Uni<Response> withdrawConsent(@PathParam("caseId") UUID caseId,
                                         @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                         @Valid @NotNull Requests.WithdrawConsent request) {
        var actor = access.actor();
        return idempotent.execute(access.scope("POST cases/" + caseId + "/consent-withdrawals"), idempotencyKey, request,
                () -> existingCase(caseId).chain(caseFile -> {
                    if (!access.caseManager() && !access.originOf(caseFile)) {
                        throw Access.notYourAgency("case " + caseId);
                    }
                    return commands.withdrawConsent(caseFile, request.sectors(), request.dataCategories(), actor)
                            .call(() -> audit.record(caller.who(), "consent.withdraw", "case", caseId.toString(),
                                    "sectors " + request.sectors()));
                }).map(referrals -> Outcome.ok(Map.of("affectedReferrals", referrals))));
    }

    private static Uni<CaseFile> existingCase(UUID caseId) {
        return CaseFile.<CaseFile>findById(caseId).map(caseFile -> {
            if (caseFile == null) {
                throw ProblemException.notFound("case " + caseId);
            }
            return caseFile;
        });
    }
}
