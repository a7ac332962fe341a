package org.handoff.events;

/** A category of case data that consent is given (or withdrawn) for, per recipient sector. */
public enum DataCategory {
    /** How to reach the survivor. */
    CONTACT,
    /** Incident type, time and circumstances. */
    INCIDENT,
    /** Risk checklist answers and level. */
    RISK_ASSESSMENT,
    /** Health information (injury, pregnancy, clinical needs). */
    HEALTH,
    /** The medical certificate (shared with police only with consent). */
    MEDICAL_CERTIFICATE
}
