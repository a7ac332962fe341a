package org.handoff.events;

/** Outcome of a completed referral. */
public enum CompletionOutcome {
    SERVICES_PROVIDED,
    PARTIALLY_PROVIDED,
    SURVIVOR_DECLINED_SERVICES,
    SURVIVOR_UNREACHABLE,
    REFERRED_ONWARD
}
