package org.handoff.referral.rest;

import org.handoff.events.CancellationReason;
import org.handoff.events.CompletionOutcome;
import org.handoff.events.DeclineReason;
import org.handoff.events.LegalOverride;
import org.handoff.events.Priority;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;
import org.handoff.referral.Referral;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A referral as any party to it may see it: no survivor data, only the handoff and its state. */
public record ReferralSummary(UUID id, UUID caseId, Sector recipientSector, String recipientAgency,
                              Sector referringSector, String referringAgency, Priority priority, ReferralState state,
                              List<String> services, List<String> routingRules, LegalOverride legalOverride,
                              Instant receiptDue, Instant acceptanceDue, boolean overdue, DeclineReason declineReason,
                              CancellationReason cancellationReason, CompletionOutcome outcome, Instant requestedAt,
                              Instant updatedAt, int version) {

    public static ReferralSummary of(Referral r, Instant now) {
        return new ReferralSummary(r.id, r.caseId, r.recipientSector, r.recipientAgency, r.referringSector,
                r.referringAgency, r.priority, r.state, split(r.services), split(r.routingRules), r.legalOverride,
                r.receiptDue, r.acceptanceDue, isOverdue(r, now), r.declineReason, r.cancellationReason, r.outcome,
                r.requestedAt, r.updatedAt, r.version);
    }

    static boolean isOverdue(Referral r, Instant now) {
        if (r.state.isTerminal()) {
            return false;
        }
        boolean receiptMissed = r.state == ReferralState.REQUESTED && now.isAfter(r.receiptDue);
        boolean acceptanceMissed = r.state.rank() < ReferralState.ACCEPTED.rank() && now.isAfter(r.acceptanceDue);
        return receiptMissed || acceptanceMissed;
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
