package org.handoff.events;

/** Referral priority; drives the receipt and acceptance deadlines. */
public enum Priority {
    /** Receipt within 5 minutes, acceptance within 30 minutes (defaults). */
    EMERGENCY,
    /** Receipt within 15 minutes, acceptance within 2 hours (defaults). */
    URGENT,
    /** Receipt within 1 hour, acceptance within 24 hours (defaults). */
    ROUTINE
}
