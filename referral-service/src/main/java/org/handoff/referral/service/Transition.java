package org.handoff.referral.service;

import org.handoff.events.ReferralState;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a reported state relates to where the referral stands. News can arrive late or twice; a late
 * step is still a fact for the timeline but never moves the referral backwards.
 */
public enum Transition {
    /** A legal move forward. */
    MOVE,
    /** This step was already recorded. */
    DUPLICATE,
    /** A real step that arrived after a later one (or after the referral was cancelled): timeline only. */
    LATE,
    /** Contradicts what the recipient already said, e.g. declining an accepted referral. */
    ILLEGAL;

    private static final Set<ReferralState> DECIDED_BY_OTHERS = EnumSet.of(ReferralState.CANCELLED,
            ReferralState.EXPIRED, ReferralState.FAILED);

    public static Transition classify(ReferralState current, ReferralState reported) {
        if (current == reported) {
            return DUPLICATE;
        }
        if (current.canMoveTo(reported)) {
            return MOVE;
        }
        if (DECIDED_BY_OTHERS.contains(current)) {
            return LATE;
        }
        boolean reportedOnMainPath = reported.rank() >= 0;
        if (reportedOnMainPath && current.rank() > reported.rank()) {
            return LATE;
        }
        if (current == ReferralState.DECLINED && reported == ReferralState.RECEIVED) {
            return LATE;
        }
        return ILLEGAL;
    }
}
