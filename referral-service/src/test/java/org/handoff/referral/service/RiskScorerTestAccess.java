package org.handoff.referral.service;

import org.handoff.events.RiskAssessment;
import org.handoff.events.RiskLevel;

public final class RiskScorerTestAccess {

    private RiskScorerTestAccess() {
    }

    public static RiskAssessment assessment(int yes, RiskLevel judgement) {
        return RiskScorerTest.assessment(yes, judgement);
    }
}
