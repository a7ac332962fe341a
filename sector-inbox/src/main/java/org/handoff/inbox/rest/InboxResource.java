package org.handoff.inbox.rest;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.events.Deadlines;
import org.handoff.events.Priority;
import org.handoff.events.ReferralRequested;
import org.handoff.events.ReferralState;
import org.handoff.inbox.InboxReferral;
import org.handoff.inbox.repository.InboxRepository;
import org.handoff.inbox.service.InboxDetails;
import org.handoff.inbox.service.InboxService;
import org.handoff.inbox.service.Instants;
import org.handoff.inbox.service.Page;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.idempotency.IdempotentRequests;
import org.handoff.plumbing.idempotency.Outcome;
import org.handoff.plumbing.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The referral inbox every sector service exposes. Roles are the sector's (handoff.sector.*): its
 * workers see their own agency's referrals and act on them, coordination reads, nobody else gets in.
 */
@Path("/api/v1/inbox/referrals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referral inbox")
public class InboxResource {

    private final InboxRepository referrals;
    private final InboxService inbox;
    private final SectorAccess access;
    private final IdempotentRequests idempotent;
    private final Instance<InboxDetails> details;
    private final Clock clock;
    private final AuditLog audit;
    private final Caller caller;

    public InboxResource(InboxRepository referrals, InboxService inbox, SectorAccess access,
                         IdempotentRequests idempotent, Instance<InboxDetails> details, Clock clock, AuditLog audit,
                         Caller caller) {
        this.audit = audit;
        this.caller = caller;
        this.referrals = referrals;
        this.inbox = inbox;
        this.access = access;
        this.idempotent = idempotent;
        this.details = details;
        this.clock = clock;
    }

    @GET
    @WithTransaction
    @Operation(summary = "Referrals in this sector's inbox, most pressing acceptance deadline first")
    public Uni<Page<InboxReferralView>> list(@QueryParam("state") String state,
                                             @QueryParam("priority") String priority,
                                             @QueryParam("overdue") Boolean overdue,
                                             @QueryParam("caseId") UUID caseId,
                                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        access.requireRead();
        Instant now = Instants.now(clock);
        var filter = new InboxRepository.Filter(Params.enumOf(ReferralState.class, state, "state"),
                Params.enumOf(Priority.class, priority, "priority"), overdue, caseId);
        return referrals.list(filter, access.agencyScope(), now, page, size)
                .call(found -> audit.record(caller.who(), "inbox.list", "referrals", "page " + page,
                        "returned " + found.items().size()))
                .map(found -> found.map(referral -> view(referral, now)));
    }

    @GET
    @Path("/{referralId}")
    @WithTransaction
    @Operation(summary = "One referral; its ETag is the version to send in If-Match")
    public Uni<Response> get(@PathParam("referralId") UUID referralId) {
        access.requireRead();
        return referrals.findById(referralId).call(referral -> referral == null || !access.canSee(referral.agency)
                ? Uni.createFrom().voidItem()
                : audit.record(caller.who(), "inbox.read", "referral", referralId.toString(), null)).map(referral -> {
            if (referral == null || !access.canSee(referral.agency)) {
                throw ProblemException.notFound("referral " + referralId);
            }
            return Response.ok(view(referral, Instants.now(clock))).tag(new EntityTag(Long.toString(referral.version))).build();
        });
    }

    @POST
    @Path("/{referralId}/accept")
    @Operation(summary = "Accept the referral (If-Match required); emits referral accepted")
    public Uni<Response> accept(@PathParam("referralId") UUID referralId, @HeaderParam("If-Match") String ifMatch,
                                @HeaderParam(IdempotentRequests.HEADER) String key) {
        return act("accept", referralId, ifMatch, key, null, action -> inbox.accept(action, access));
    }

    @POST
    @Path("/{referralId}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decline with a reason (If-Match required); emits referral declined")
    public Uni<Response> decline(@PathParam("referralId") UUID referralId, @HeaderParam("If-Match") String ifMatch,
                                 @HeaderParam(IdempotentRequests.HEADER) String key,
                                 @NotNull @Valid InboxActions.Decline body) {
        return act("decline", referralId, ifMatch, key, body,
                action -> inbox.decline(action, access, body.reason(), body.redirectAgency()));
    }

    @POST
    @Path("/{referralId}/start")
    @Operation(summary = "Start providing services (If-Match required); emits referral started")
    public Uni<Response> start(@PathParam("referralId") UUID referralId, @HeaderParam("If-Match") String ifMatch,
                               @HeaderParam(IdempotentRequests.HEADER) String key) {
        return act("start", referralId, ifMatch, key, null, action -> inbox.start(action, access));
    }

    @POST
    @Path("/{referralId}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete with an outcome (If-Match required); emits referral completed")
    public Uni<Response> complete(@PathParam("referralId") UUID referralId, @HeaderParam("If-Match") String ifMatch,
                                  @HeaderParam(IdempotentRequests.HEADER) String key,
                                  @NotNull @Valid InboxActions.Complete body) {
        return act("complete", referralId, ifMatch, key, body,
                action -> inbox.complete(action, access, body.outcome(), body.servicesProvided()));
    }

    private Uni<Response> act(String verb, UUID referralId, String ifMatch, String key, Object body,
                              Function<InboxService.Action, Uni<InboxReferral>> work) {
        access.requireWorker();
        long version = Versions.ifMatch(ifMatch);
        InboxService.Action action = new InboxService.Action(referralId, version, access.actor());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("ifMatch", version);
        request.put("body", body);
        String scope = "user:" + access.userId() + " POST /api/v1/inbox/referrals/" + referralId + "/" + verb;
        return idempotent.execute(scope, key, request,
                () -> work.apply(action)
                        .call(referral -> audit.record(caller.who(), "inbox." + verb, "referral", referralId.toString(), null))
                        .map(referral -> Outcome.ok(view(referral, Instants.now(clock)))));
    }

    private InboxReferralView view(InboxReferral referral, Instant now) {
        ReferralRequested request = referral.request().orElse(null);
        Map<String, Object> sectorDetails = new LinkedHashMap<>();
        if (request != null) {
            details.forEach(d -> sectorDetails.putAll(d.details(referral, request, now)));
        }
        Object view = request == null ? null
                : request.health() != null ? request.health()
                : request.police() != null ? request.police() : request.social();
        return new InboxReferralView(referral.referralId, referral.caseId, referral.sector, referral.agency,
                referral.referringSector, referral.region, referral.priority, referral.state, referral.version,
                referral.requestedAt, referral.receivedAt,
                new Deadlines(referral.receiptDue, referral.acceptanceDue), referral.overdue(now),
                referral.acceptedAt, referral.startedAt, referral.closedAt, referral.declineReason, referral.outcome,
                referral.cancellationReason, referral.restricted, referral.restrictedReason,
                request == null ? null : request.legalOverride(),
                request == null ? null : request.sharedCategories(),
                request == null ? null : request.survivor(), view, sectorDetails.isEmpty() ? null : sectorDetails);
    }
}
