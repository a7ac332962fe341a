package org.handoff.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL figures by service database, to see where the transactions and the statement time of the
 * flow go: commits per report (pg_stat_database), the busiest statements (pg_stat_statements, which
 * deploy/local/postgres.sh preloads and creates in each service database), and the sizes of the
 * plumbing tables that grow with every event.
 */
final class PgFigures {

    static final List<String> TABLES = List.of("processed_event", "outbox_message", "audit_entry");
    static final int TOP = 10;
    static final int QUERY_CHARS = 120;

    /** One statement's figures in one database (pg_stat_statements, summed over its users). */
    record Stmt(long queryId, String query, long calls, double totalMs, long rows) {

        Stmt plus(Stmt other) {
            return new Stmt(queryId, query, calls + other.calls, totalMs + other.totalMs, rows + other.rows);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("query", query);
            m.put("calls", calls);
            m.put("totalMs", round(totalMs));
            m.put("meanMs", calls == 0 ? 0 : Math.round(totalMs / calls * 1000) / 1000.0);
            m.put("rows", rows);
            return m;
        }
    }

    private final Databases db;
    /** Per service: why its statement figures are not available in this step (null when they are). */
    private final Map<String, String> unavailable = new LinkedHashMap<>();

    PgFigures(Databases db) {
        this.db = db;
    }

    /**
     * Clears each service database's pg_stat_statements figures (that database's only). Returns the
     * services whose reset committed (a transaction of the bench's own in that database); the others are
     * marked unavailable with the reason, so their cumulative figures are never taken for the step's.
     */
    List<String> resetStatements() throws SQLException {
        unavailable.clear();
        List<String> reset = new ArrayList<>();
        for (String service : Databases.SERVICES) {
            String failure = db.retrying("pg_stat_statements reset in handoff_" + service, () -> {
                try (Statement st = db.of(service).createStatement();
                     ResultSet rs = st.executeQuery(Databases.MARK + "SELECT pg_stat_statements_reset(0, oid, 0)"
                             + " FROM pg_database WHERE datname = current_database()")) {
                    rs.next();
                    return null;
                } catch (SQLException e) {
                    if (Databases.connectionLost(e)) {
                        throw e;
                    }
                    // not preloaded (55000), extension missing (42883), no EXECUTE on the reset (42501)
                    return "pg_stat_statements not usable (deploy/local/postgres.sh ensure sets it up): "
                            + e.getSQLState() + " " + firstLine(e.getMessage());
                }
            });
            if (failure == null) {
                reset.add(service);
            } else {
                unavailable.put(service, failure);
            }
        }
        return reset;
    }

    /**
     * Every statement of each service database since the reset, the bench's own left out; by queryid. A
     * database whose figures cannot be read is marked unavailable instead.
     */
    Map<String, Map<Long, Stmt>> readStatements() throws SQLException {
        Map<String, Map<Long, Stmt>> out = new LinkedHashMap<>();
        for (String service : Databases.SERVICES) {
            if (unavailable.containsKey(service)) {
                continue;
            }
            Map<Long, Stmt> rows;
            try {
                rows = db.retrying("pg_stat_statements in handoff_" + service, () -> read(service));
            } catch (SQLException e) {
                if (Databases.connectionLost(e)) {
                    throw e;
                }
                unavailable.put(service, "pg_stat_statements not readable: " + e.getSQLState() + " "
                        + firstLine(e.getMessage()));
                continue;
            }
            out.put(service, rows);
        }
        return out;
    }

    private Map<Long, Stmt> read(String service) throws SQLException {
        Map<Long, Stmt> m = new HashMap<>();
        try (Statement st = db.of(service).createStatement();
             ResultSet rs = st.executeQuery(Databases.MARK + "SELECT queryid,"
                     + " left(btrim(regexp_replace(query, '\\s+', ' ', 'g')), " + QUERY_CHARS + "),"
                     + " calls, total_exec_time, rows FROM pg_stat_statements"
                     + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                     + " AND query NOT LIKE '" + Databases.MARK.trim() + "%'")) {
            while (rs.next()) {
                Stmt s = new Stmt(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getDouble(4), rs.getLong(5));
                m.merge(s.queryId(), s, Stmt::plus);
            }
        }
        return m;
    }

    /** Services whose statement figures this step lacks, with the reason. */
    Map<String, String> unavailable() {
        return new LinkedHashMap<>(unavailable);
    }

    /** Per service: the top statements by calls and by total time (query trimmed, calls, total/mean ms, rows). */
    static Map<String, Object> top(Map<String, Map<Long, Stmt>> statements, Map<String, String> unavailable) {
        Map<String, Object> out = new LinkedHashMap<>();
        statements.forEach((service, rows) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("statements", rows.size());
            m.put("calls", rows.values().stream().mapToLong(Stmt::calls).sum());
            m.put("totalMs", round(rows.values().stream().mapToDouble(Stmt::totalMs).sum()));
            m.put("byCalls", rows.values().stream().sorted(Comparator.comparingLong(Stmt::calls).reversed())
                    .limit(TOP).map(Stmt::toMap).toList());
            m.put("byTotalTime", rows.values().stream().sorted(Comparator.comparingDouble(Stmt::totalMs).reversed())
                    .limit(TOP).map(Stmt::toMap).toList());
            out.put(service, m);
        });
        unavailable.forEach((service, reason) -> out.put(service, Map.of("unavailable", reason)));
        return out;
    }

    /**
     * Commits per service database between two snapshots, less the bench's own transactions there, and
     * per report; "total" over the five. A database whose counter went back (statistics lost in a crash)
     * has no figure.
     */
    static Map<String, Object> commits(Databases.Commits before, Databases.Commits after, Map<String, Long> own,
                                       int reports) {
        Map<String, Long> delta = new LinkedHashMap<>();
        for (String service : Databases.SERVICES) {
            long raw = after.byService().getOrDefault(service, 0L) - before.byService().getOrDefault(service, 0L);
            delta.put(service, raw < 0 ? null : Math.max(0, raw - own.getOrDefault(service, 0L)));
        }
        return commitFigures(delta, reports, before.postmasterStart() != null
                && !before.postmasterStart().equals(after.postmasterStart()));
    }

    static Map<String, Object> commitFigures(Map<String, Long> delta, int reports, boolean restarted) {
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<String, Object> perReport = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, Long> e : delta.entrySet()) {
            counts.put(e.getKey(), e.getValue());
            perReport.put(e.getKey(), e.getValue() == null || reports == 0 ? null : round((double) e.getValue() / reports));
            total += e.getValue() == null ? 0 : e.getValue();
        }
        counts.put("total", total);
        perReport.put("total", reports == 0 ? null : round((double) total / reports));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reports", reports);
        out.put("commitsPerReport", perReport);
        out.put("commits", counts);
        out.put("postgresRestarted", restarted);
        return out;
    }

    /** Row count and pg_total_relation_size (table, indexes, TOAST) of the plumbing tables in each service database. */
    Map<String, Object> tableSizes() throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String service : Databases.SERVICES) {
            out.put(service, db.retrying("table sizes in handoff_" + service, () -> {
                Connection c = db.of(service);
                Map<String, Long> bytes = new LinkedHashMap<>();
                Array names = c.createArrayOf("text", TABLES.toArray(String[]::new));
                try (PreparedStatement st = c.prepareStatement(Databases.MARK + "SELECT t.name,"
                        + " pg_total_relation_size(c.oid) FROM unnest(?::text[]) WITH ORDINALITY AS t(name, n)"
                        + " LEFT JOIN pg_class c ON c.oid = to_regclass(t.name) ORDER BY t.n")) {
                    st.setArray(1, names);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            // null: the table is not in this service's schema (yet)
                            bytes.put(rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2));
                        }
                    }
                }
                Map<String, Object> tables = new LinkedHashMap<>();
                for (Map.Entry<String, Long> t : bytes.entrySet()) {
                    if (t.getValue() == null) {
                        tables.put(t.getKey(), null);
                        continue;
                    }
                    // the name is one of TABLES, never input
                    try (Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery(Databases.MARK + "SELECT count(*) FROM \"" + t.getKey() + "\"")) {
                        rs.next();
                        Map<String, Object> figures = new LinkedHashMap<>();
                        figures.put("rows", rs.getLong(1));
                        figures.put("bytes", t.getValue());
                        tables.put(t.getKey(), figures);
                    }
                }
                return tables;
            }));
        }
        return out;
    }

    /** The whole run's figures: the warm-up's and every step's commits and statements, summed. */
    static final class Totals {
        private final Map<String, Long> commits = new LinkedHashMap<>();
        private final Map<String, Map<Long, Stmt>> statements = new LinkedHashMap<>();
        private final Map<String, String> unavailable = new LinkedHashMap<>();
        private int reports;
        private boolean restarted;

        @SuppressWarnings("unchecked")
        void add(Map<String, Object> stepCommits, Map<String, Map<Long, Stmt>> stepStatements,
                 Map<String, String> stepUnavailable) {
            reports += (int) stepCommits.get("reports");
            restarted |= (boolean) stepCommits.get("postgresRestarted");
            ((Map<String, Object>) stepCommits.get("commits")).forEach((service, n) -> {
                if (!"total".equals(service) && n != null) {
                    commits.merge(service, (Long) n, Long::sum);
                }
            });
            stepStatements.forEach((service, rows) -> {
                Map<Long, Stmt> all = statements.computeIfAbsent(service, s -> new HashMap<>());
                rows.forEach((id, s) -> all.merge(id, s, Stmt::plus));
            });
            // a database missing from any step is marked, as its sums are short of the run
            unavailable.putAll(stepUnavailable);
        }

        Map<String, Object> figures() {
            Map<String, Long> delta = new LinkedHashMap<>();
            for (String service : Databases.SERVICES) {
                delta.put(service, commits.getOrDefault(service, 0L));
            }
            Map<String, Object> out = commitFigures(delta, reports, restarted);
            Map<String, String> partial = new LinkedHashMap<>();
            unavailable.forEach((service, reason) -> partial.put(service, "missing in some steps: " + reason));
            Map<String, Map<Long, Stmt>> complete = new LinkedHashMap<>(statements);
            partial.keySet().forEach(complete::remove);
            out.put("statements", top(complete, partial));
            return out;
        }
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
