package org.handoff.plumbing.consumer;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureKindTest {

    @Test
    void theDatabaseStartingUpOrGoneIsInfrastructure() {
        assertEquals(FailureKind.INFRASTRUCTURE, FailureKind.of(pg("the database system is starting up", "57P03")));
        assertEquals(FailureKind.INFRASTRUCTURE, FailureKind.of(pg("terminating connection due to administrator command", "57P01")));
        assertEquals(FailureKind.INFRASTRUCTURE, FailureKind.of(pg("could not serialize access", "40001")));
        assertEquals(FailureKind.INFRASTRUCTURE, FailureKind.of(pg("deadlock detected", "40P01")));
        assertEquals(FailureKind.INFRASTRUCTURE, FailureKind.of(pg("too many connections", "53300")));
        assertEquals(FailureKind.INFRASTRUCTURE, FailureKind.of(new ConnectException("Connection refused")));
        assertEquals(FailureKind.INFRASTRUCTURE, FailureKind.of(ClosedConnectionException.INSTANCE));
    }

    @Test
    void aCauseWrappedByHibernateOrMutinyIsFound() {
        assertEquals(FailureKind.INFRASTRUCTURE,
                FailureKind.of(new HibernateException("flush failed", pg("the database system is shutting down", "57P03"))));
        assertEquals(FailureKind.INFRASTRUCTURE,
                FailureKind.of(new CompositeException(new IllegalStateException("rollback failed"), new ConnectException("refused"))));
    }

    @Test
    void theEventsOwnFaultAndEverythingElse() {
        assertEquals(FailureKind.EVENT, FailureKind.of(new PoisonEventException("illegal transition")));
        assertEquals(FailureKind.EVENT, FailureKind.of(new IllegalStateException("wrapped", new PoisonEventException("bad"))));
        assertEquals(FailureKind.UNKNOWN, FailureKind.of(pg("duplicate key value violates unique constraint", "23505")));
        assertEquals(FailureKind.UNKNOWN, FailureKind.of(new NullPointerException()));
    }

    private static PgException pg(String message, String sqlState) {
        return new PgException(message, "FATAL", sqlState, null);
    }
}
