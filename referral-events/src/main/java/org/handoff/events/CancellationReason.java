package org.handoff.events;

/** Why a referral was cancelled. */
public enum CancellationReason {
    REFERRER_WITHDREW,
    CASE_MANAGER_DECISION,
    CONSENT_WITHDRAWN,
    DUPLICATE_CASE
}
