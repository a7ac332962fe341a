package org.handoff.events;

/** Which referral deadline was missed. */
public enum DeadlineKind {
    /** The recipient system did not acknowledge receipt in time. */
    RECEIPT,
    /** Nobody at the recipient agency accepted (or declined) in time. */
    ACCEPTANCE
}
