package org.handoff.events;

/** Time-critical clinical windows after a sexual assault. */
public enum ClinicalWindowKind {
    /** HIV post-exposure prophylaxis: within 72 hours of the incident. */
    POST_EXPOSURE_PROPHYLAXIS,
    /** Emergency contraception: within 120 hours. */
    EMERGENCY_CONTRACEPTION,
    /** Forensic evidence collection: 48 hours to 10 days depending on the evidence. */
    FORENSIC_EXAMINATION
}
