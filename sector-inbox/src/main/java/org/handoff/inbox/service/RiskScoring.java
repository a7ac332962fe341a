package org.handoff.inbox.service;

import org.handoff.events.RiskAssessment;
import org.handoff.events.RiskLevel;

/**
 * The DASH scoring of DESIGN §4, as a sector needs it at intake (a HIGH-risk report makes a
 * protection order due). referral-service scores the case again and its level is the one that routes.
 */
public final class RiskScoring {

    static final int HIGH_FROM = 14;
    static final int MEDIUM_FROM = 10;
    static final int REPEAT_INCIDENTS = 3;

    private RiskScoring() {
    }

    public static RiskLevel level(RiskAssessment risk, int priorIncidentsLast12Months) {
        RiskLevel level = RiskLevel.STANDARD;
        if (risk != null) {
            int yes = risk.yesCount();
            level = yes >= HIGH_FROM ? RiskLevel.HIGH : yes >= MEDIUM_FROM ? RiskLevel.MEDIUM : RiskLevel.STANDARD;
            level = level.atLeast(risk.professionalJudgement());
        }
        if (priorIncidentsLast12Months >= REPEAT_INCIDENTS) {
            level = level.atLeast(RiskLevel.values()[Math.min(level.ordinal() + 1, RiskLevel.HIGH.ordinal())]);
        }
        return level;
    }
}
