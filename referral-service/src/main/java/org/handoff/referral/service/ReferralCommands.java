package org.handoff.referral.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.Actor;
import org.handoff.events.CancellationReason;
import org.handoff.events.CaseReported;
import org.handoff.events.ConsentWithdrawn;
import org.handoff.events.DataCategory;
import org.handoff.events.EventTypes;
import org.handoff.events.LegalOverrideRecord;
import org.handoff.events.Priority;
import org.handoff.events.ReferralCancelled;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;
import org.handoff.events.Topics;
import org.handoff.plumbing.outbox.Outbox;
import org.handoff.plumbing.outbox.OutgoingEvent;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.referral.CaseFile;
import org.handoff.referral.Referral;
import org.handoff.referral.RoutingDecision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a case manager (or the referring agency) does to referrals: add, cancel, withdraw consent. */
@ApplicationScoped
public class ReferralCommands {

    static final String CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";

    private final CaseRegistry registry;
    private final SopRouter router;
    private final RiskScorer scorer;
    private final ReferralDispatcher dispatcher;
    private final ReferralTransitions transitions;
    private final Outbox outbox;
    private final Clock clock;

    public ReferralCommands(CaseRegistry registry, SopRouter router, RiskScorer scorer, ReferralDispatcher dispatcher,
                            ReferralTransitions transitions, Outbox outbox, Clock clock) {
        this.registry = registry;
        this.router = router;
        this.scorer = scorer;
        this.dispatcher = dispatcher;
        this.transitions = transitions;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Referral> addReferral(CaseFile caseFile, Sector sector, Priority priority, Set<ServiceType> services,
                                     LegalOverrideRecord override, Actor actor) {
        CaseReported report = registry.readReport(caseFile);
        if (sector == caseFile.originSector) {
            return Uni.createFrom().failure(ProblemException.conflict("the case was reported by " + sector
                    + ", which already holds it"));
        }
        return Referral.<Referral>list("caseId = ?1 and recipientSector = ?2", caseFile.id, sector)
                .chain(existing -> {
                    if (existing.stream().anyMatch(r -> !r.state.isTerminal())) {
                        throw ProblemException.conflict("the case already has an open referral to " + sector);
                    }
                    return RoutingDecision.count("caseId = ?1 and sector = ?2 and decision = ?3", caseFile.id, sector,
                            CONSENT_WITHDRAWN);
                })
                .chain(withdrawn -> {
                    List<LegalOverrideRecord> overrides = new ArrayList<>(report.legalOverrides());
                    if (override != null) {
                        overrides.add(override);
                    }
                    var consents = withdrawn > 0 ? List.<org.handoff.events.Consent>of() : report.consents();
                    PlannedReferral plan = router.manual(sector, priority, services, consents, overrides,
                            CaseRegistry.facts(report, scorer.score(report.risk(), report.incident())));
                    if (!plan.send()) {
                        throw new ProblemException(409, "consent-required", "No consent for this sector",
                                "the survivor has not consented to a referral to " + sector
                                        + "; record consent at intake or give a legal override with its reason");
                    }
                    return dispatcher.dispatch(caseFile, report, plan, actor).map(created -> created.orElseThrow());
                });
    }

    public Uni<Referral> cancel(Referral referral, CancellationReason reason, Actor actor, String correlationId) {
        Instant now = Instant.now(clock);
        StepReport report = new StepReport(ReferralState.CANCELLED, actor, now, null, reason, null);
        return transitions.apply(referral, report, correlationId).chain(transition -> switch (transition) {
            case ILLEGAL, LATE -> Uni.createFrom().failure(ProblemException.conflict(
                    "the referral is already " + referral.state + " and can no longer be cancelled"));
            case DUPLICATE -> Uni.createFrom().item(referral);
            case MOVE -> outbox.append(OutgoingEvent.of(Topics.inbox(referral.recipientSector), referral.caseId.toString(),
                            EventTypes.REFERRAL_CANCELLED, correlationId,
                            new ReferralCancelled(referral.id, referral.caseId, referral.recipientSector, reason, actor, now)))
                    .replaceWith(referral);
        });
    }

    /**
     * Cancels every open referral to the named sectors and tells every sector that holds any of the
     * case's data, so recipients restrict it; the withdrawal is recorded for later routing.
     */
    public Uni<List<UUID>> withdrawConsent(CaseFile caseFile, Set<Sector> sectors, Set<DataCategory> categories, Actor actor) {
        Instant now = Instant.now(clock);
        return Referral.<Referral>list("caseId = ?1 and recipientSector in ?2", caseFile.id, sectors)
                .chain(referrals -> Multi.createFrom().iterable(referrals)
                        .filter(r -> !r.state.isTerminal())
                        .onItem().transformToUniAndConcatenate(r -> transitions.apply(r,
                                new StepReport(ReferralState.CANCELLED, actor, now, null, CancellationReason.CONSENT_WITHDRAWN, null),
                                caseFile.correlationId))
                        .collect().asList()
                        .chain(() -> recordWithdrawal(caseFile, sectors, actor, now))
                        .chain(() -> notifyRecipients(caseFile, referrals, sectors, categories, actor, now))
                        .replaceWith(referrals.stream().map(r -> r.id).toList()));
    }

    private Uni<Void> recordWithdrawal(CaseFile caseFile, Set<Sector> sectors, Actor actor, Instant now) {
        return Multi.createFrom().iterable(sectors).onItem().transformToUniAndConcatenate(sector -> {
            RoutingDecision decision = new RoutingDecision();
            decision.id = UUID.randomUUID();
            decision.caseId = caseFile.id;
            decision.sector = sector;
            decision.decision = CONSENT_WITHDRAWN;
            decision.rules = "survivor";
            decision.decidedBy = actor.userId();
            decision.decidedAt = now;
            return decision.persist();
        }).collect().last().replaceWithVoid();
    }

    private Uni<Void> notifyRecipients(CaseFile caseFile, List<Referral> referrals, Set<Sector> sectors,
                                       Set<DataCategory> categories, Actor actor, Instant now) {
        Map<Sector, List<UUID>> bySector = referrals.stream().collect(Collectors.groupingBy(r -> r.recipientSector,
                Collectors.mapping(r -> r.id, Collectors.toList())));
        return Multi.createFrom().iterable(bySector.entrySet()).onItem().transformToUniAndConcatenate(entry ->
                outbox.append(OutgoingEvent.of(Topics.inbox(entry.getKey()), caseFile.id.toString(),
                        EventTypes.CONSENT_WITHDRAWN, caseFile.correlationId,
                        new ConsentWithdrawn(caseFile.id, caseFile.survivorRef, sectors, categories, entry.getValue(),
                                actor, now)))).collect().last().replaceWithVoid();
    }
}
