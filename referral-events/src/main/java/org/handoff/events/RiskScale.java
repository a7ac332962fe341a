package org.handoff.events;

import java.util.ArrayList;
import java.util.List;

/**
 * What the risk checklist's answers mean in one country: how many of the 24 yes answers make a report
 * HIGH or MEDIUM, and how many incidents in the last 12 months raise it one level. Its values are the
 * {@code risk:} section of the country's rule file ({@link RuleFiles}); every service scores a report
 * with this one scale, so intake (a HIGH report makes a protection order due) and routing never disagree.
 * Professional judgement raises the level, never lowers it.
 */
public record RiskScale(int highAtLeast, int mediumAtLeast, int repeatIncidentsRaise) {

    public RiskScale {
        if (!(highAtLeast > mediumAtLeast && mediumAtLeast > 0 && highAtLeast <= RiskItem.values().length
                && repeatIncidentsRaise > 0)) {
            throw new IllegalArgumentException("risk thresholds must be ordered: 0 < medium-at-least (" + mediumAtLeast
                    + ") < high-at-least (" + highAtLeast + ") <= " + RiskItem.values().length
                    + ", repeat-incidents-raise (" + repeatIncidentsRaise + ") > 0");
        }
    }

    /** The level and the reasons for it, in words a case manager reads in the case's risk basis. */
    public record Score(RiskLevel level, int yesCount, String basis) {
    }

    public Score score(RiskAssessment assessment, int priorIncidentsLast12Months) {
        int yes = assessment == null ? 0 : assessment.yesCount();
        RiskLevel scored = yes >= highAtLeast ? RiskLevel.HIGH : yes >= mediumAtLeast ? RiskLevel.MEDIUM : RiskLevel.STANDARD;
        List<String> basis = new ArrayList<>(List.of(yes + " of " + RiskItem.values().length + " checklist items yes: " + scored));
        RiskLevel level = scored;
        if (assessment != null && assessment.professionalJudgement() != null
                && assessment.professionalJudgement().ordinal() > level.ordinal()) {
            level = assessment.professionalJudgement();
            basis.add("raised to " + level + " by professional judgement");
        }
        if (priorIncidentsLast12Months >= repeatIncidentsRaise && level != RiskLevel.HIGH) {
            level = RiskLevel.values()[level.ordinal() + 1];
            basis.add("raised to " + level + " by " + priorIncidentsLast12Months + " incidents in 12 months");
        }
        return new Score(level, yes, String.join("; ", basis));
    }
}
