package org.handoff.inbox.service;

import org.handoff.events.Actor;
import org.handoff.events.RiskAssessment;
import org.handoff.events.RiskItem;
import org.handoff.events.RiskLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RiskScoringTest {

    private static RiskAssessment yes(int count, RiskLevel judgement) {
        Map<RiskItem, Boolean> answers = new EnumMap<>(RiskItem.class);
        RiskItem[] items = RiskItem.values();
        for (int i = 0; i < items.length; i++) {
            answers.put(items[i], i < count);
        }
        return new RiskAssessment(answers, judgement, new Actor("u", "police-officer", "a"), Instant.now());
    }

    @Test
    void thresholdsJudgementAndRepeatIncidents() {
        assertEquals(RiskLevel.HIGH, RiskScoring.level(yes(14, null), 0));
        assertEquals(RiskLevel.MEDIUM, RiskScoring.level(yes(13, null), 0));
        assertEquals(RiskLevel.MEDIUM, RiskScoring.level(yes(10, null), 0));
        assertEquals(RiskLevel.STANDARD, RiskScoring.level(yes(9, null), 0));
        assertEquals(RiskLevel.HIGH, RiskScoring.level(yes(2, RiskLevel.HIGH), 0), "judgement raises");
        assertEquals(RiskLevel.HIGH, RiskScoring.level(yes(20, RiskLevel.STANDARD), 0), "judgement never lowers");
        assertEquals(RiskLevel.MEDIUM, RiskScoring.level(yes(1, null), 3), "three prior incidents raise one level");
        assertEquals(RiskLevel.STANDARD, RiskScoring.level(null, 0));
    }
}
