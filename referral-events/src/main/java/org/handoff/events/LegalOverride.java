package org.handoff.events;

/** Legal basis for sending a referral without the survivor's consent; always audited. */
public enum LegalOverride {
    IMMINENT_DANGER_TO_LIFE,
    CHILD_SURVIVOR
}
