package org.handoff.events;

import java.util.EnumSet;
import java.util.Set;

/**
 * State of a referral, aligned with HL7 FHIR Task statuses:
 * {@code REQUESTED → RECEIVED → ACCEPTED → IN_PROGRESS → COMPLETED}, with the terminal
 * {@code DECLINED}, {@code CANCELLED}, {@code FAILED} and {@code EXPIRED}.
 */
public enum ReferralState {
    REQUESTED,
    RECEIVED,
    ACCEPTED,
    IN_PROGRESS,
    COMPLETED,
    /** The recipient declined (a reason is required). */
    DECLINED,
    /** Cancelled by the referrer, a case manager, or a consent withdrawal. */
    CANCELLED,
    /** Undeliverable. */
    FAILED,
    /** Lapsed without being handled. */
    EXPIRED;

    private static final Set<ReferralState> TERMINAL = EnumSet.of(COMPLETED, DECLINED, CANCELLED, FAILED, EXPIRED);

    /** True once nothing can move the referral any more. */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** Position on the main path (REQUESTED=0 … COMPLETED=4), or -1 for the side exits. */
    public int rank() {
        return switch (this) {
            case REQUESTED -> 0;
            case RECEIVED -> 1;
            case ACCEPTED -> 2;
            case IN_PROGRESS -> 3;
            case COMPLETED -> 4;
            default -> -1;
        };
    }

    /**
     * Whether a referral in this state may move to {@code next}. Forward moves along the main
     * path may skip steps (an acceptance implies receipt); nothing moves backwards, nothing
     * leaves a terminal state, and a repeated state is not a move (answer it idempotently).
     * DECLINED is possible until accepted, FAILED only before receipt, CANCELLED and EXPIRED
     * from any non-terminal state.
     */
    public boolean canMoveTo(ReferralState next) {
        if (next == null || isTerminal() || next == this) {
            return false;
        }
        return switch (next) {
            case REQUESTED -> false;
            case RECEIVED, ACCEPTED, IN_PROGRESS, COMPLETED -> next.rank() > rank();
            case DECLINED -> this == REQUESTED || this == RECEIVED;
            case FAILED -> this == REQUESTED;
            case CANCELLED, EXPIRED -> true;
        };
    }
}
