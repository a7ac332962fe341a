package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Map;

/**
 * Answers to the 24-item DASH-style checklist, plus any professional judgement. Emitted inside
 * {@link CaseReported} by the reporting sector; consumed by referral-service, which scores it.
 *
 * @param answers               yes/no per checklist item; an item left out was not asked or not known
 * @param professionalJudgement level the assessor judged, if any (may raise the scored level, never lower it)
 * @param assessedBy            who assessed
 * @param assessedAt            when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskAssessment(Map<RiskItem, Boolean> answers, RiskLevel professionalJudgement, Actor assessedBy,
                             Instant assessedAt) {

    public RiskAssessment {
        answers = Checks.enumMap(RiskItem.class, Checks.required(answers, "answers"), "answers");
        Checks.required(assessedBy, "assessedBy");
        Checks.required(assessedAt, "assessedAt");
    }

    /** Number of items answered yes. */
    public int yesCount() {
        return (int) answers.values().stream().filter(Boolean::booleanValue).count();
    }

    /** True if the item was answered yes. */
    public boolean yes(RiskItem item) {
        return Boolean.TRUE.equals(answers.get(item));
    }
}
