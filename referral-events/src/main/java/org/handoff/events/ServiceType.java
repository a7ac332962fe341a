package org.handoff.events;

/** A service requested for, or provided to, the survivor. */
public enum ServiceType {
    MEDICAL_CARE,
    POST_EXPOSURE_PROPHYLAXIS,
    EMERGENCY_CONTRACEPTION,
    FORENSIC_EXAMINATION,
    PSYCHOSOCIAL_SUPPORT,
    SAFETY_PLANNING,
    SHELTER,
    LEGAL_AID,
    CHILD_PROTECTION,
    INVESTIGATION,
    PROTECTION_ORDER
}
