package org.handoff.events;

/** GBVIMS incident classification (the six core types). */
public enum IncidentType {
    RAPE,
    SEXUAL_ASSAULT,
    PHYSICAL_ASSAULT,
    FORCED_MARRIAGE,
    DENIAL_OF_RESOURCES,
    PSYCHOLOGICAL_ABUSE;

    /** Rape or sexual assault: the clinical windows (PEP, emergency contraception, forensic exam) apply. */
    public boolean isSexualViolence() {
        return this == RAPE || this == SEXUAL_ASSAULT;
    }
}
