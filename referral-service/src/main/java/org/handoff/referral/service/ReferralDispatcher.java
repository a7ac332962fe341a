package org.handoff.referral.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.Actor;
import org.handoff.events.CaseReported;
import org.handoff.events.DeadlineKind;
import org.handoff.events.Deadlines;
import org.handoff.events.EventTypes;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.events.ReferralRequested;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;
import org.handoff.events.Topics;
import org.handoff.plumbing.outbox.Outbox;
import org.handoff.plumbing.outbox.OutgoingEvent;
import org.handoff.referral.CaseFile;
import org.handoff.referral.Referral;
import org.handoff.referral.ReferralDeadline;
import org.handoff.referral.ReferralStep;
import org.handoff.referral.RoutingDecision;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a routing decision into a referral: the row, its first timeline step, its deadlines and its
 * two events (the request on the recipient's inbox, the lifecycle change), all in the caller's
 * transaction. A withheld referral is only recorded, with why.
 */
@ApplicationScoped
public class ReferralDispatcher {

    private final Outbox outbox;
    private final MinimalViews views;
    private final DeadlinePlanner planner;
    private final RoutingRules rules;
    private final Clock clock;

    public ReferralDispatcher(Outbox outbox, MinimalViews views, DeadlinePlanner planner, RoutingRules rules, Clock clock) {
        this.outbox = outbox;
        this.views = views;
        this.planner = planner;
        this.rules = rules;
        this.clock = clock;
    }

    public Uni<Optional<Referral>> dispatch(CaseFile caseFile, CaseReported report, PlannedReferral plan, Actor requestedBy) {
        Instant now = Instant.now(clock);
        Uni<RoutingDecision> decision = decision(caseFile, plan, requestedBy, now).persist();
        if (!plan.send()) {
            return decision.replaceWith(Optional.empty());
        }
        Referral referral = newReferral(caseFile, plan, requestedBy, now);
        ReferralRequested requested = requestEvent(caseFile, report, plan, referral, requestedBy, now);
        return decision
                .chain(() -> referral.<Referral>persist())
                .chain(() -> firstStep(referral, requestedBy, now).persist())
                .chain(() -> deadline(referral, DeadlineKind.RECEIPT, referral.receiptDue).persist())
                .chain(() -> deadline(referral, DeadlineKind.ACCEPTANCE, referral.acceptanceDue).persist())
                .chain(() -> outbox.append(OutgoingEvent.of(Topics.inbox(plan.sector()), caseFile.id.toString(),
                        EventTypes.REFERRAL_REQUESTED, caseFile.correlationId, requested)))
                .chain(() -> outbox.append(OutgoingEvent.of(Topics.lifecycle(referral.referringSector), caseFile.id.toString(),
                        EventTypes.REFERRAL_LIFECYCLE_CHANGED, caseFile.correlationId, new ReferralLifecycleChanged(
                                referral.id, caseFile.id, referral.recipientSector, referral.recipientAgency,
                                referral.referringSector, referral.referringAgency, referral.priority, null,
                                ReferralState.REQUESTED, requestedBy, now, null, null, null, null))))
                .replaceWith(Optional.of(referral));
    }

    private Referral newReferral(CaseFile caseFile, PlannedReferral plan, Actor requestedBy, Instant now) {
        Deadlines deadlines = planner.deadlines(plan.priority(), plan.sector(), caseFile.incidentType, caseFile.incidentAt, now);
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.caseId = caseFile.id;
        referral.recipientSector = plan.sector();
        referral.recipientAgency = rules.agency(caseFile.region, plan.sector()).orElse(null);
        referral.referringSector = caseFile.originSector;
        referral.referringAgency = caseFile.originAgency;
        referral.requestedBy = requestedBy.userId();
        referral.priority = plan.priority();
        referral.state = ReferralState.REQUESTED;
        referral.services = plan.services().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        referral.routingRules = String.join(",", plan.rules());
        referral.legalOverride = plan.override();
        referral.receiptDue = deadlines.receiptDue();
        referral.acceptanceDue = deadlines.acceptanceDue();
        referral.requestedAt = now;
        referral.updatedAt = now;
        return referral;
    }

    private ReferralRequested requestEvent(CaseFile caseFile, CaseReported report, PlannedReferral plan, Referral referral,
                                           Actor requestedBy, Instant now) {
        Sector sector = plan.sector();
        return new ReferralRequested(referral.id, caseFile.id, sector, referral.recipientAgency, referral.referringSector,
                requestedBy, now, caseFile.region, plan.priority(),
                new Deadlines(referral.receiptDue, referral.acceptanceDue), plan.rules(), plan.override(),
                plan.sharedCategories(), views.survivor(report, plan.sharedCategories()),
                sector == Sector.HEALTH ? views.health(report, plan.services(), plan.sharedCategories()) : null,
                sector == Sector.POLICE ? views.police(report, caseFile.riskLevel, plan.services(), plan.sharedCategories()) : null,
                sector == Sector.SOCIAL ? views.social(report, caseFile.riskLevel, plan.services(), plan.sharedCategories()) : null);
    }

    private static RoutingDecision decision(CaseFile caseFile, PlannedReferral plan, Actor by, Instant now) {
        RoutingDecision decision = new RoutingDecision();
        decision.id = UUID.randomUUID();
        decision.caseId = caseFile.id;
        decision.sector = plan.sector();
        decision.decision = plan.decision();
        decision.rules = String.join(",", plan.rules());
        decision.overrideBasis = plan.override();
        decision.overrideReason = plan.overrideReason();
        decision.decidedBy = by.userId();
        decision.decidedAt = now;
        return decision;
    }

    private static ReferralStep firstStep(Referral referral, Actor actor, Instant now) {
        ReferralStep step = new ReferralStep();
        step.id = UUID.randomUUID();
        step.referralId = referral.id;
        step.caseId = referral.caseId;
        step.state = ReferralState.REQUESTED;
        step.actorUser = actor.userId();
        step.actorRole = actor.role();
        step.actorAgency = actor.agency();
        step.occurredAt = now;
        step.recordedAt = now;
        return step;
    }

    private static ReferralDeadline deadline(Referral referral, DeadlineKind kind, Instant due) {
        ReferralDeadline deadline = new ReferralDeadline();
        deadline.id = UUID.randomUUID();
        deadline.referralId = referral.id;
        deadline.kind = kind;
        deadline.dueAt = due;
        deadline.nextCheckAt = due;
        return deadline;
    }
}
