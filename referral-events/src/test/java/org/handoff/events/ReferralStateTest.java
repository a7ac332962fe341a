package org.handoff.events;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.handoff.events.ReferralState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralStateTest {

    @Test
    void mainPathMovesForward() {
        assertTrue(REQUESTED.canMoveTo(RECEIVED));
        assertTrue(RECEIVED.canMoveTo(ACCEPTED));
        assertTrue(ACCEPTED.canMoveTo(IN_PROGRESS));
        assertTrue(IN_PROGRESS.canMoveTo(COMPLETED));
        assertTrue(REQUESTED.canMoveTo(ACCEPTED), "an acceptance implies receipt");
    }

    @Test
    void nothingMovesBackwardsOrRepeats() {
        assertFalse(ACCEPTED.canMoveTo(RECEIVED));
        assertFalse(IN_PROGRESS.canMoveTo(ACCEPTED));
        for (ReferralState state : values()) {
            assertFalse(state.canMoveTo(state), state + " repeated");
            assertFalse(state.canMoveTo(REQUESTED), state + " -> REQUESTED");
            assertFalse(state.canMoveTo(null));
        }
    }

    @Test
    void terminalStatesAreFinal() {
        Set<ReferralState> terminal = EnumSet.of(COMPLETED, DECLINED, CANCELLED, FAILED, EXPIRED);
        for (ReferralState state : values()) {
            assertEquals(terminal.contains(state), state.isTerminal(), state.name());
            if (state.isTerminal()) {
                for (ReferralState next : values()) {
                    assertFalse(state.canMoveTo(next), state + " -> " + next);
                }
            }
        }
    }

    @Test
    void sideExits() {
        assertTrue(REQUESTED.canMoveTo(DECLINED));
        assertTrue(RECEIVED.canMoveTo(DECLINED));
        assertFalse(ACCEPTED.canMoveTo(DECLINED), "declining comes before accepting");
        assertTrue(REQUESTED.canMoveTo(FAILED));
        assertFalse(RECEIVED.canMoveTo(FAILED), "a received referral was delivered");
        for (ReferralState state : EnumSet.of(REQUESTED, RECEIVED, ACCEPTED, IN_PROGRESS)) {
            assertTrue(state.canMoveTo(CANCELLED), state + " -> CANCELLED");
            assertTrue(state.canMoveTo(EXPIRED), state + " -> EXPIRED");
        }
    }

    @Test
    void riskLevelOnlyRises() {
        assertEquals(RiskLevel.HIGH, RiskLevel.STANDARD.atLeast(RiskLevel.HIGH));
        assertEquals(RiskLevel.HIGH, RiskLevel.HIGH.atLeast(RiskLevel.MEDIUM));
        assertEquals(RiskLevel.MEDIUM, RiskLevel.MEDIUM.atLeast(null));
    }
}
