package org.handoff.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * Read-only JDBC connections to the services' own databases (handoff_<service>, each service's role and
 * its password from secrets.env). The benchmark only reads them, after each step's sending window.
 */
final class Databases implements AutoCloseable {

    static final String[] SERVICES = {"referral", "police", "health", "social", "notification"};

    private final String host;
    private final int port;
    private final Map<String, String> secrets;
    private final java.util.Map<String, Connection> open = new java.util.HashMap<>();

    Databases(String host, int port, Map<String, String> secrets) {
        this.host = host;
        this.port = port;
        this.secrets = secrets;
    }

    /** Opens every connection the run needs before the load starts: a busy server may have no slot to spare later. */
    Databases open() throws SQLException {
        for (String service : new String[] {"referral", "police", "health", "social"}) {
            of(service);
        }
        return this;
    }

    synchronized Connection of(String service) throws SQLException {
        Connection connection = open.get(service);
        if (connection == null || connection.isClosed()) {
            Properties props = new Properties();
            props.setProperty("user", "handoff_" + service);
            props.setProperty("password", secrets.get(service.toUpperCase() + "_DB_PASSWORD"));
            props.setProperty("ApplicationName", "handoff-bench");
            connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/handoff_" + service, props);
            connection.setReadOnly(true);
            open.put(service, connection);
        }
        return connection;
    }

    /** Transactions committed in all five service databases so far (pg_stat_database, flushed ~1 s late). */
    long commits() throws SQLException {
        try (Statement st = of("referral").createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(sum(xact_commit), 0) FROM pg_stat_database"
                     + " WHERE datname IN ('handoff_referral','handoff_police','handoff_health','handoff_social',"
                     + "'handoff_notification')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public synchronized void close() {
        open.values().forEach(c -> {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        });
    }
}
