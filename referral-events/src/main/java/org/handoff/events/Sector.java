package org.handoff.events;

import java.util.Locale;

/** A responding sector; each has its own inbox topic {@code handoff.<sector>.inbox}. */
public enum Sector {
    POLICE,
    HEALTH,
    SOCIAL;

    /** Lower-case name as used in topic names and service names, e.g. {@code health}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
