package org.handoff.referral.service;

import org.handoff.events.Actor;
import org.handoff.events.Incident;
import org.handoff.events.IncidentType;
import org.handoff.events.RiskAssessment;
import org.handoff.events.RiskItem;
import org.handoff.events.RiskLevel;
import org.handoff.events.RiskScale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RiskScorerTest {

    private final RiskScorer scorer = new RiskScorer(TestRules.KZ);

    @ParameterizedTest(name = "{0} yes, judgement {1}, {2} prior incidents -> {3}")
    @CsvSource(nullValues = "-", value = {
            "0,  -,        0, STANDARD",
            "9,  -,        0, STANDARD",
            "10, -,        0, MEDIUM",
            "13, -,        0, MEDIUM",
            "14, -,        0, HIGH",
            "24, -,        0, HIGH",
            "5,  HIGH,     0, HIGH",
            "14, STANDARD, 0, HIGH",
            "12, STANDARD, 0, MEDIUM",
            "3,  -,        3, MEDIUM",
            "10, -,        3, HIGH",
            "14, -,        5, HIGH",
            "3,  -,        2, STANDARD",
            "3,  MEDIUM,   3, HIGH"})
    void scoresTheChecklistJudgementAndRepeatIncidents(int yes, RiskLevel judgement, int prior, RiskLevel expected) {
        RiskScale.Score score = scorer.score(assessment(yes, judgement), incident(prior));
        assertEquals(expected, score.level());
        assertEquals(yes, score.yesCount());
    }

    static RiskAssessment assessment(int yes, RiskLevel judgement) {
        Map<RiskItem, Boolean> answers = new EnumMap<>(RiskItem.class);
        RiskItem[] items = RiskItem.values();
        for (int i = 0; i < items.length; i++) {
            answers.put(items[i], i < yes);
        }
        return new RiskAssessment(answers, judgement, new Actor("officer", "police-officer", "agency"), Instant.EPOCH);
    }

    private static Incident incident(int prior) {
        return new Incident(IncidentType.PHYSICAL_ASSAULT, Instant.EPOCH, null, false, prior);
    }
}
