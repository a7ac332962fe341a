package org.handoff.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.Incident;
import org.handoff.events.RiskAssessment;
import org.handoff.events.RiskLevel;

import java.util.ArrayList;
import java.util.List;

/** Scores the DASH-style checklist with the thresholds of the country's rule file. */
@ApplicationScoped
public class RiskScorer {

    private final RoutingRules.RiskPolicy policy;

    public RiskScorer(RoutingRules rules) {
        this.policy = rules.risk();
    }

    public RiskScore score(RiskAssessment assessment, Incident incident) {
        int yes = assessment == null ? 0 : assessment.yesCount();
        RiskLevel scored = yes >= policy.highAtLeast() ? RiskLevel.HIGH
                : yes >= policy.mediumAtLeast() ? RiskLevel.MEDIUM : RiskLevel.STANDARD;
        List<String> basis = new ArrayList<>(List.of(yes + " of 24 checklist items yes: " + scored));
        RiskLevel level = scored;
        if (assessment != null && assessment.professionalJudgement() != null
                && assessment.professionalJudgement().ordinal() > level.ordinal()) {
            level = assessment.professionalJudgement();
            basis.add("raised to " + level + " by professional judgement");
        }
        if (incident.priorIncidentsLast12Months() >= policy.repeatIncidentsRaise() && level != RiskLevel.HIGH) {
            level = RiskLevel.values()[level.ordinal() + 1];
            basis.add("raised to " + level + " by " + incident.priorIncidentsLast12Months() + " incidents in 12 months");
        }
        return new RiskScore(level, yes, String.join("; ", basis));
    }
}
