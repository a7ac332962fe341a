package org.handoff.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.Incident;
import org.handoff.events.RiskAssessment;
import org.handoff.events.RiskScale;

/** Scores a report's checklist on the country's scale (the rule file's risk section), as every sector does at intake. */
@ApplicationScoped
public class RiskScorer {

    private final RiskScale scale;

    public RiskScorer(RoutingRules rules) {
        this.scale = rules.risk();
    }

    public RiskScale.Score score(RiskAssessment assessment, Incident incident) {
        return scale.score(assessment, incident.priorIncidentsLast12Months());
    }
}
