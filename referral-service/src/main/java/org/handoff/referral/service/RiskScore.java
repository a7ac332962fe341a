package org.handoff.referral.service;

import org.handoff.events.RiskLevel;

/** The level a case is handled at, and why: professional judgement and repeat incidents only ever raise it. */
public record RiskScore(RiskLevel level, int yesCount, String basis) {
}
