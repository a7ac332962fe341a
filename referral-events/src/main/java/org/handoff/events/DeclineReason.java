package org.handoff.events;

/** Why a recipient declined a referral (required on decline). */
public enum DeclineReason {
    OUTSIDE_MANDATE,
    NO_CAPACITY,
    WRONG_AGENCY,
    SURVIVOR_DECLINED,
    SURVIVOR_UNREACHABLE,
    DUPLICATE_REFERRAL
}
