package org.handoff.events;

/** Kind of survivor identifier behind a {@link MatchKey}; raw identifiers never ride on events. */
public enum IdentifierKind {
    NATIONAL_ID,
    PHONE
}
