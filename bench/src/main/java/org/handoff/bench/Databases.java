package org.handoff.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Read-only JDBC connections to the services' own databases (handoff_<service>, each service's role and
 * its password from secrets.env). The benchmark only reads them, after each step's sending window.
 * Every read goes through {@link #retrying}: when PostgreSQL restarts (or drops the connection) the
 * read is repeated on fresh connections for a bounded time instead of ending the run.
 */
final class Databases implements AutoCloseable {

    static final String[] SERVICES = {"referral", "police", "health", "social", "notification"};

    /**
     * Leads the SQL of the benchmark's own reads that may run while a step is measured, so that
     * pg_stat_statements' figures of the step can leave them out (the bench shares the service's role).
     */
    static final String MARK = "/* handoff-bench */ ";

    /** A piece of database work that can simply be run again on fresh connections. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /** pg_stat_database.xact_commit per service database at one moment, and when the server last started. */
    record Commits(Map<String, Long> byService, OffsetDateTime postmasterStart) {
        long total() {
            return byService.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final String host;
    private final int port;
    private final Map<String, String> secrets;
    private final Duration reconnectWithin;
    private final Map<String, Connection> open = new HashMap<>();
    private int reconnects;

    Databases(String host, int port, Map<String, String> secrets, Duration reconnectWithin) {
        this.host = host;
        this.port = port;
        this.secrets = secrets;
        this.reconnectWithin = reconnectWithin;
    }

    /** Opens every connection the run needs before the load starts: a busy server may have no slot to spare later. */
    Databases open() throws SQLException {
        retrying("connect", () -> {
            for (String service : SERVICES) {
                of(service);
            }
            return null;
        });
        return this;
    }

    synchronized Connection of(String service) throws SQLException {
        Connection connection = open.get(service);
        if (connection == null || connection.isClosed()) {
            Properties props = new Properties();
            props.setProperty("user", "handoff_" + service);
            props.setProperty("password", secrets.get(service.toUpperCase() + "_DB_PASSWORD"));
            props.setProperty("ApplicationName", "handoff-bench");
            props.setProperty("connectTimeout", "10");
            // a server that stops answering without closing the socket would otherwise hang the run for good
            props.setProperty("socketTimeout", "300");
            connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/handoff_" + service, props);
            connection.setReadOnly(true);
            open.put(service, connection);
        }
        return connection;
    }

    /**
     * Runs {@code work}; if it fails because the database connection was lost or the server cannot take
     * connections yet (restarting, in recovery, full), drops every connection and runs it again on fresh
     * ones, once a second, for up to the reconnect time counted from the first failure. Other SQL errors
     * are thrown at once. {@code work} must be safe to repeat (the bench only reads).
     */
    <T> T retrying(String what, Work<T> work) throws SQLException {
        long deadline = 0;
        long firstFailure = 0;
        while (true) {
            try {
                T result = work.run();
                if (firstFailure != 0) {
                    Bench.log("database: %s succeeded after reconnecting (%.1f s)", what,
                            (System.nanoTime() - firstFailure) / 1e9);
                }
                return result;
            } catch (SQLException e) {
                if (!connectionLost(e)) {
                    throw e;
                }
                long now = System.nanoTime();
                if (firstFailure == 0) {
                    firstFailure = now;
                    deadline = now + reconnectWithin.toNanos();
                    synchronized (this) {
                        reconnects++;
                    }
                    Bench.log("database: %s lost its connection (%s: %s); reconnecting for up to %d s", what,
                            e.getSQLState(), firstLine(e.getMessage()), reconnectWithin.toSeconds());
                }
                closeAll();
                if (now >= deadline) {
                    Bench.log("database: %s still failing after %d s; giving up", what, reconnectWithin.toSeconds());
                    throw e;
                }
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Whether the failure is the connection's rather than the statement's: SQLState class 08 (connection
     * exception, which pgJDBC also reports for I/O errors), 57P01..57P03 (server shut down, crashed, or not
     * accepting connections yet), 53300 (no connection slot free, e.g. while every service reconnects).
     */
    static boolean connectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                        || state.equals("53300")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Times the reads lost their connection and reconnected (a PostgreSQL restart during the run, say). */
    synchronized int reconnects() {
        return reconnects;
    }

    /**
     * Transactions committed so far in each service database (pg_stat_database: a busy backend reports its
     * counters about once a second, an idle one up to 10 s late; see {@link #flushOwnStats}). The bench's own
     * read here commits too, after its snapshot, so it counts in the next snapshot.
     */
    Commits commits() throws SQLException {
        return retrying("commit counts", () -> {
            Connection c = of("referral");
            Map<String, Long> byService = new LinkedHashMap<>();
            OffsetDateTime started = null;
            String[] names = new String[SERVICES.length];
            for (int i = 0; i < SERVICES.length; i++) {
                names[i] = "handoff_" + SERVICES[i];
                byService.put(SERVICES[i], 0L);
            }
            Array datnames = c.createArrayOf("text", names);
            try (PreparedStatement st = c.prepareStatement(MARK + "SELECT datname, xact_commit, pg_postmaster_start_time()"
                    + " FROM pg_stat_database WHERE datname = ANY(?)")) {
                st.setArray(1, datnames);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        byService.put(rs.getString(1).substring("handoff_".length()), rs.getLong(2));
                        started = rs.getObject(3, OffsetDateTime.class);
                    }
                }
            }
            return new Commits(byService, started);
        });
    }

    /**
     * Makes each of the bench's own connections report its commits to pg_stat_database now. PostgreSQL 15
     * reports an idle backend's counters only up to 10 s late, so without this the bench's reads just
     * before a snapshot would land in the next window. One commit of its own in each database, reported
     * with the rest. (Before PostgreSQL 15 there is no such function; the statistics collector lagged ~0.5 s.)
     */
    void flushOwnStats() throws SQLException {
        retrying("statistics flush", () -> {
            for (String service : SERVICES) {
                // reading a catalog leaves statistics pending, without which the flush would skip the commit counter
                try (Statement st = of(service).createStatement();
                     ResultSet rs = st.executeQuery(MARK + "SELECT pg_stat_force_next_flush() FROM pg_database"
                             + " WHERE datname = current_database()")) {
                    rs.next();
                } catch (SQLException e) {
                    if (!"42883".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
            return null;
        });
    }

    private synchronized void closeAll() {
        open.values().forEach(c -> {
            try {
                c.close();
            } catch (SQLException ignored) {
                // it is broken anyway; a fresh one replaces it
            }
        });
        open.clear();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() {
        closeAll();
    }
}
