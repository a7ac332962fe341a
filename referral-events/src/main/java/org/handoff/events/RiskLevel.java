package org.handoff.events;

/** Risk level, from the checklist by the country's {@link RiskScale} (Kazakhstan: ≥ 14 yes HIGH, 10–13 MEDIUM); judgement may raise it. */
public enum RiskLevel {
    STANDARD,
    MEDIUM,
    HIGH;

    /** The higher of the two levels (professional judgement and repeat incidents only ever raise). */
    public RiskLevel atLeast(RiskLevel other) {
        return other == null || other.ordinal() <= ordinal() ? this : other;
    }
}
