package org.handoff.events;

/** Risk level: DASH yes-count ≥ 14 → HIGH, 10–13 → MEDIUM, else STANDARD; judgement may raise it. */
public enum RiskLevel {
    STANDARD,
    MEDIUM,
    HIGH;

    /** The higher of the two levels (professional judgement and repeat incidents only ever raise). */
    public RiskLevel atLeast(RiskLevel other) {
        return other == null || other.ordinal() <= ordinal() ? this : other;
    }
}
