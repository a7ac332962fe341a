package org.handoff.referral.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.DeadlineKind;
import org.handoff.events.EventTypes;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.events.ReferralState;
import org.handoff.events.Topics;
import org.handoff.plumbing.outbox.Outbox;
import org.handoff.plumbing.outbox.OutgoingEvent;
import org.handoff.referral.Referral;
import org.handoff.referral.ReferralDeadline;
import org.handoff.referral.ReferralStep;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies one reported step to a referral, inside the caller's transaction: records it on the
 * timeline, moves the state only forward, closes the deadlines the step meets and publishes the
 * lifecycle change with the latency since the previous step.
 */
@ApplicationScoped
public class ReferralTransitions {

    private static final Set<ReferralState> ACCEPTANCE_SETTLED = EnumSet.of(ReferralState.ACCEPTED,
            ReferralState.IN_PROGRESS, ReferralState.COMPLETED, ReferralState.DECLINED, ReferralState.CANCELLED,
            ReferralState.FAILED, ReferralState.EXPIRED);

    private final Outbox outbox;
    private final Clock clock;

    public ReferralTransitions(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Transition> apply(Referral referral, StepReport report, String correlationId) {
        return ReferralStep.<ReferralStep>find("referralId = ?1 and state = ?2", referral.id, report.state()).firstResult()
                .chain(recorded -> {
                    Transition transition = recorded != null ? Transition.DUPLICATE
                            : Transition.classify(referral.state, report.state());
                    return switch (transition) {
                        case DUPLICATE, ILLEGAL -> Uni.createFrom().item(transition);
                        case LATE -> step(referral, report).persist().replaceWith(transition);
                        case MOVE -> move(referral, report, correlationId).replaceWith(transition);
                    };
                });
    }

    private Uni<Void> move(Referral referral, StepReport report, String correlationId) {
        ReferralState from = referral.state;
        Instant now = Instant.now(clock);
        return ReferralStep.<ReferralStep>find("referralId = ?1 and state = ?2", referral.id, from).firstResult()
                .chain(previous -> {
                    long latency = previous == null ? 0
                            : Math.max(0, Duration.between(previous.occurredAt, report.occurredAt()).toMillis());
                    referral.state = report.state();
                    referral.updatedAt = now;
                    if (report.declineReason() != null) {
                        referral.declineReason = report.declineReason();
                    }
                    if (report.cancellationReason() != null) {
                        referral.cancellationReason = report.cancellationReason();
                    }
                    if (report.outcome() != null) {
                        referral.outcome = report.outcome();
                    }
                    ReferralLifecycleChanged changed = new ReferralLifecycleChanged(referral.id, referral.caseId,
                            referral.recipientSector, referral.recipientAgency, referral.referringSector,
                            referral.referringAgency, referral.priority, from, report.state(), report.actor(),
                            report.occurredAt(), latency, report.declineReason(), report.cancellationReason(),
                            report.outcome());
                    return step(referral, report).persist()
                            .chain(() -> closeDeadlines(referral.id, report.state(), now))
                            .chain(() -> outbox.append(OutgoingEvent.of(Topics.lifecycle(referral.referringSector),
                                    referral.caseId.toString(), EventTypes.REFERRAL_LIFECYCLE_CHANGED, correlationId, changed)))
                            .replaceWithVoid();
                });
    }

    private Uni<Integer> closeDeadlines(UUID referralId, ReferralState reached, Instant now) {
        List<DeadlineKind> met = ACCEPTANCE_SETTLED.contains(reached)
                ? List.of(DeadlineKind.RECEIPT, DeadlineKind.ACCEPTANCE)
                : List.of(DeadlineKind.RECEIPT);
        return ReferralDeadline.update("metAt = ?1 where referralId = ?2 and kind in ?3 and metAt is null",
                now, referralId, met);
    }

    private ReferralStep step(Referral referral, StepReport report) {
        ReferralStep step = new ReferralStep();
        step.id = UUID.randomUUID();
        step.referralId = referral.id;
        step.caseId = referral.caseId;
        step.state = report.state();
        step.actorUser = report.actor().userId();
        step.actorRole = report.actor().role();
        step.actorAgency = report.actor().agency();
        step.occurredAt = report.occurredAt();
        step.recordedAt = Instant.now(clock);
        step.detail = report.detail();
        return step;
    }
}
