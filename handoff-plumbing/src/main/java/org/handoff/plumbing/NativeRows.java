package org.handoff.plumbing;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading columns of a native query's {@code Object[]} rows, whatever type the driver handed back. */
public final class NativeRows {

    private NativeRows() {
    }

    /** A timestamptz column: OffsetDateTime from Hibernate Reactive, Timestamp or Instant elsewhere; null stays null. */
    public static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }
}
