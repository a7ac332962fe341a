package org.handoff.inbox.rest;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.events.ReferralState;
import org.handoff.inbox.OriginReferral;
import org.handoff.inbox.OriginReferralStep;
import org.handoff.inbox.repository.OriginReferralRepository;
import org.handoff.inbox.service.Page;
import org.handoff.inbox.service.SectorAccess;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Closed loop: the referring agency sees who took its referrals, when, and how they ended. */
@Path("/api/v1/outgoing-referrals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outgoing referrals (closed loop)")
public class OriginReferralResource {

    private final OriginReferralRepository referrals;
    private final SectorAccess access;
    private final AuditLog audit;
    private final Caller caller;

    public OriginReferralResource(OriginReferralRepository referrals, SectorAccess access, AuditLog audit, Caller caller) {
        this.referrals = referrals;
        this.access = access;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @WithTransaction
    @Operation(summary = "Live status of the referrals the caller's agency's reports caused, most recently changed first")
    public Uni<Page<OriginReferralView>> list(@QueryParam("caseId") UUID caseId,
                                              @QueryParam("state") String state,
                                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        access.requireRead();
        return referrals.list(access.agencyScope(), caseId,
                Params.enumOf(ReferralState.class, state, "state"), page, size)
                .call(found -> audit.record(caller.who(), "outgoing-referrals.list", "referrals",
                        caseId == null ? "page " + page : caseId.toString(), "returned " + found.items().size()))
                .chain(found ->
                referrals.steps(found.items().stream().map(r -> r.referralId).toList()).map(steps -> {
                    Map<UUID, List<OriginReferralStep>> byReferral = steps.stream()
                            .collect(Collectors.groupingBy(s -> s.key.referralId));
                    return found.map(r -> view(r, byReferral.getOrDefault(r.referralId, List.of())));
                }));
    }

    private static OriginReferralView view(OriginReferral referral, List<OriginReferralStep> steps) {
        return new OriginReferralView(referral.referralId, referral.caseId, referral.recipientSector,
                referral.recipientAgency, referral.priority, referral.state, referral.overdue, referral.declineReason,
                referral.cancellationReason, referral.outcome, referral.updatedAt,
                steps.stream().sorted(Comparator.comparing(s -> s.occurredAt))
                        .map(s -> new OriginReferralView.Step(s.key.toState, s.fromState, s.actorUser, s.actorRole,
                                s.actorAgency, s.occurredAt, s.latencyMillis)).toList());
    }
}
