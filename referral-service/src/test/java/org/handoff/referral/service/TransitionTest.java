package org.handoff.referral.service;

import org.handoff.events.ReferralState;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.handoff.events.ReferralState.ACCEPTED;
import static org.handoff.events.ReferralState.CANCELLED;
import static org.handoff.events.ReferralState.COMPLETED;
import static org.handoff.events.ReferralState.DECLINED;
import static org.handoff.events.ReferralState.EXPIRED;
import static org.handoff.events.ReferralState.FAILED;
import static org.handoff.events.ReferralState.IN_PROGRESS;
import static org.handoff.events.ReferralState.RECEIVED;
import static org.handoff.events.ReferralState.REQUESTED;
import static org.handoff.referral.service.Transition.DUPLICATE;
import static org.handoff.referral.service.Transition.ILLEGAL;
import static org.handoff.referral.service.Transition.LATE;
import static org.handoff.referral.service.Transition.MOVE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every (current state, reported state) pair, written out as the table a reviewer can check against DESIGN §4. */
class TransitionTest {

    private static final ReferralState[] COLUMNS = {REQUESTED, RECEIVED, ACCEPTED, IN_PROGRESS, COMPLETED, DECLINED,
            CANCELLED, FAILED, EXPIRED};

    private static final Map<ReferralState, Transition[]> TABLE = new EnumMap<>(ReferralState.class);

    static {
        //                          REQUESTED  RECEIVED   ACCEPTED   IN_PROGR.  COMPLETED  DECLINED   CANCELLED  FAILED     EXPIRED
        TABLE.put(REQUESTED,   row(DUPLICATE, MOVE,      MOVE,      MOVE,      MOVE,      MOVE,      MOVE,      MOVE,      MOVE));
        TABLE.put(RECEIVED,    row(LATE,      DUPLICATE, MOVE,      MOVE,      MOVE,      MOVE,      MOVE,      ILLEGAL,   MOVE));
        TABLE.put(ACCEPTED,    row(LATE,      LATE,      DUPLICATE, MOVE,      MOVE,      ILLEGAL,   MOVE,      ILLEGAL,   MOVE));
        TABLE.put(IN_PROGRESS, row(LATE,      LATE,      LATE,      DUPLICATE, MOVE,      ILLEGAL,   MOVE,      ILLEGAL,   MOVE));
        TABLE.put(COMPLETED,   row(LATE,      LATE,      LATE,      LATE,      DUPLICATE, ILLEGAL,   ILLEGAL,   ILLEGAL,   ILLEGAL));
        TABLE.put(DECLINED,    row(ILLEGAL,   LATE,      ILLEGAL,   ILLEGAL,   ILLEGAL,   DUPLICATE, ILLEGAL,   ILLEGAL,   ILLEGAL));
        TABLE.put(CANCELLED,   row(LATE,      LATE,      LATE,      LATE,      LATE,      LATE,      DUPLICATE, LATE,      LATE));
        TABLE.put(FAILED,      row(LATE,      LATE,      LATE,      LATE,      LATE,      LATE,      LATE,      DUPLICATE, LATE));
        TABLE.put(EXPIRED,     row(LATE,      LATE,      LATE,      LATE,      LATE,      LATE,      LATE,      LATE,      DUPLICATE));
    }

    private static Transition[] row(Transition... transitions) {
        return transitions;
    }

    @Test
    void everyCombinationIsClassifiedAsTheTableSays() {
        assertEquals(ReferralState.values().length, TABLE.size(), "the table covers every current state");
        for (ReferralState current : ReferralState.values()) {
            for (int i = 0; i < COLUMNS.length; i++) {
                assertEquals(TABLE.get(current)[i], Transition.classify(current, COLUMNS[i]), current + " -> " + COLUMNS[i]);
            }
        }
    }

    @Test
    void nothingLeavesATerminalState() {
        for (ReferralState current : ReferralState.values()) {
            if (current.isTerminal()) {
                for (ReferralState reported : ReferralState.values()) {
                    assertEquals(false, Transition.classify(current, reported) == MOVE, current + " -> " + reported);
                }
            }
        }
    }
}
