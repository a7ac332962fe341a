package org.handoff.referral.service;

import org.handoff.events.Actor;
import org.handoff.events.CancellationReason;
import org.handoff.events.CompletionOutcome;
import org.handoff.events.DeclineReason;
import org.handoff.events.ReferralState;

import java.time.Instant;

/** A reported step in a referral's life, from a recipient's status event or a case manager's action. */
public record StepReport(ReferralState state, Actor actor, Instant occurredAt, DeclineReason declineReason,
                         CancellationReason cancellationReason, CompletionOutcome outcome) {

    public static StepReport of(ReferralState state, Actor actor, Instant occurredAt) {
        return new StepReport(state, actor, occurredAt, null, null, null);
    }

    String detail() {
        if (declineReason != null) {
            return declineReason.name();
        }
        if (cancellationReason != null) {
            return cancellationReason.name();
        }
        return outcome == null ? null : outcome.name();
    }
}
