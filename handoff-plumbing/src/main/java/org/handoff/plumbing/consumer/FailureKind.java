package org.handoff.plumbing.consumer;

import io.smallrye.mutiny.CompositeException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Why applying an event failed, which decides what the consumer does with it. An event is never
 * dead-lettered because a part is down: only the event's own faults go to the dead-letter topic.
 */
public enum FailureKind {

    /** The event itself can never be applied (unreadable, invalid, refused by the state machine): dead-letter it at once. */
    EVENT,

    /**
     * A part the consumer depends on is away or busy (database restarting or unreachable, connection lost,
     * serialization failure, deadlock, timeout, broker unavailable): retry with backoff, holding the
     * partition, until it is back; never dead-letter, never acknowledge.
     */
    INFRASTRUCTURE,

    /** Neither of the above (a bug, an unexpected constraint): retried a few times, then dead-lettered with its error. */
    UNKNOWN;

    /** Walks the cause chain (and a composite's causes): the first cause that names a kind decides. */
    public static FailureKind of(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            FailureKind kind = ofOne(t);
            if (kind != UNKNOWN) {
                return kind;
            }
            if (t instanceof CompositeException composite) {
                composite.getCauses().stream().filter(java.util.Objects::nonNull).forEach(pending::add);
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
        }
        return UNKNOWN;
    }

    private static FailureKind ofOne(Throwable t) {
        if (t instanceof PoisonEventException) {
            return EVENT;
        }
        if (t instanceof DatabaseException database) {
            return ofSqlState(database.getSqlState());
        }
        if (t instanceof ClosedConnectionException || t instanceof IOException || t instanceof TimeoutException) {
            return INFRASTRUCTURE;
        }
        if (t instanceof org.apache.kafka.common.errors.RetriableException) {
            return INFRASTRUCTURE;
        }
        // Vert.x reports a pool that could not hand out a connection in time, and a closed
        // connection, with these exceptions of its own (no public type to match on)
        String name = t.getClass().getName();
        if (name.startsWith("io.vertx.") && (name.contains("Timeout") || name.contains("Closed"))) {
            return INFRASTRUCTURE;
        }
        return UNKNOWN;
    }

    /** PostgreSQL error classes that say "try again later", not "this statement is wrong". */
    static FailureKind ofSqlState(String sqlState) {
        if (sqlState == null) {
            return UNKNOWN;
        }
        if (sqlState.startsWith("08")              // connection exception
                || sqlState.startsWith("53")       // insufficient resources (too many connections, disk full)
                || sqlState.startsWith("57P")      // admin/crash shutdown, cannot connect now (starting up)
                || sqlState.startsWith("58")       // system error (I/O)
                || sqlState.equals("40001")        // serialization failure
                || sqlState.equals("40P01")        // deadlock detected
                || sqlState.equals("55P03")        // lock not available
                || sqlState.equals("57014")) {     // query cancelled (statement timeout)
            return INFRASTRUCTURE;
        }
        return UNKNOWN;
    }
}
