package org.handoff.inbox.rest;

import org.handoff.events.CancellationReason;
import org.handoff.events.CompletionOutcome;
import org.handoff.events.DeclineReason;
import org.handoff.events.Priority;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Closed loop: where a referral this sector caused stands, and every step with who, when and latency. */
public record OriginReferralView(UUID referralId, UUID caseId, Sector recipientSector, String recipientAgency,
                                 Priority priority, ReferralState state, boolean overdue, DeclineReason declineReason,
                                 CancellationReason cancellationReason, CompletionOutcome outcome, Instant updatedAt,
                                 List<Step> steps) {

    public record Step(ReferralState state, ReferralState fromState, String actor, String role, String agency,
                       Instant at, Long latencyMillis) {
    }
}
