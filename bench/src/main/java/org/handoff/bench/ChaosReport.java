package org.handoff.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a chaos run (bench.sh --chaos) found, beyond the accounting every run does: how long the flow took to
 * recover after each part was up again, and whether anything was done twice where the services' tables can
 * tell — overdue escalations referral-service emitted more than once for one (referral, deadline, level),
 * escalation notifications notification-service made more than once for one (escalation, level, person),
 * and lifecycle changes referral-service published more than once for one (referral, state).
 */
final class ChaosReport {

    private static final int EXAMPLES = 10;

    private ChaosReport() {
    }

    /**
     * Time to recover after each kill. A kill's window holds the reports due from the moment its part was up
     * again (its start script returned) until the next kill less the threshold, so that a report slowed by the
     * next fault is not blamed on this one (a report due before that point which took longer than the threshold
     * was still unfinished before the next kill), or until the end of the step after the last kill. The flow has
     * recovered at the due time of the first report from which on every report of the window was accepted and
     * had all its referrals RECEIVED within the threshold (2 x the baseline's p99); time to recover = that due
     * time minus the up-again time. If the window ends on a report over the threshold (or failed): not recovered.
     */
    static List<Map<String, Object>> recovery(List<ChaosMonkey.Kill> kills, long stepStartMicros, List<SentReport> reports,
                                              Map<UUID, FlowReader.CaseFlow> flows, Double thresholdMs) {
        List<SentReport> byDue = new ArrayList<>(reports);
        byDue.sort(Comparator.comparingLong(r -> r.intendedMicros));
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 0; k < kills.size(); k++) {
            ChaosMonkey.Kill kill = kills.get(k);
            Map<String, Object> m = kill.toMap(stepStartMicros);
            out.add(m);
            if (!kill.killed()) {
                continue;
            }
            long upTo = kill.upAgain() ? kill.upMicros : Long.MAX_VALUE;
            int dueWhileDown = 0;
            int failedWhileDown = 0;
            for (SentReport r : byDue) {
                if (r.intendedMicros >= kill.killedMicros && r.intendedMicros < upTo) {
                    dueWhileDown++;
                    if (!r.accepted()) {
                        failedWhileDown++;
                    }
                }
            }
            m.put("reportsDueWhileDown", dueWhileDown);
            m.put("reportsFailedWhileDown", failedWhileDown);
            if (!kill.upAgain()) {
                m.put("recovered", false);
                m.put("notRecovered", "the part was not up again");
                continue;
            }
            if (thresholdMs == null) {
                m.put("recovered", null);
                m.put("notEvaluated", "no baseline p99 (no report of the baseline step was fully received)");
                continue;
            }
            long threshold = (long) (thresholdMs * 1000);
            ChaosMonkey.Kill next = null;
            for (int j = k + 1; j < kills.size(); j++) {
                if (kills.get(j).killed()) {
                    next = kills.get(j);
                    break;
                }
            }
            long windowEnd = next == null ? Long.MAX_VALUE : next.killedMicros - threshold;
            List<SentReport> window = byDue.stream()
                    .filter(r -> r.intendedMicros >= kill.upMicros && r.intendedMicros < windowEnd).toList();
            m.put("reportsInWindow", window.size());
            m.put("windowEnd", next == null ? "end of the step" : "next kill (" + next.part + ") less the threshold");
            if (window.isEmpty()) {
                m.put("recovered", null);
                m.put("notEvaluated", "no report due between up-again and the next kill less the threshold");
                continue;
            }
            int lastBad = -1;
            int over = 0;
            long worst = 0;
            for (int i = 0; i < window.size(); i++) {
                Long latency = allReceivedMicros(window.get(i), flows);
                if (latency == null || latency > threshold) {
                    lastBad = i;
                    over++;
                }
                if (latency != null) {
                    worst = Math.max(worst, latency);
                }
            }
            m.put("reportsOverThresholdOrFailed", over);
            m.put("worstAllReceivedMsInWindow", worst / 1000.0);
            if (lastBad == window.size() - 1) {
                m.put("recovered", false);
                m.put("notRecovered", next == null ? "still over the threshold at the end of the step"
                        : "still over the threshold before the next kill (" + next.part + ")");
            } else {
                SentReport first = window.get(lastBad + 1);
                m.put("recovered", true);
                m.put("recoverySec", Math.max(0, first.intendedMicros - kill.upMicros) / 1e6);
            }
        }
        return out;
    }

    /**
     * From the due time to the last of its referrals RECEIVED, for a report accepted with exactly its expected
     * referrals, all received; null otherwise (failed, lost, incomplete, or a referral too many).
     */
    static Long allReceivedMicros(SentReport report, Map<UUID, FlowReader.CaseFlow> flows) {
        if (!report.accepted()) {
            return null;
        }
        FlowReader.CaseFlow flow = flows.get(report.caseId);
        if (flow == null || !flow.caseFound || flow.referralsBySector.isEmpty()) {
            return null;
        }
        Set<Sector> present = EnumSet.copyOf(flow.referralsBySector.keySet());
        int rows = flow.referralsBySector.values().stream().mapToInt(Integer::intValue).sum();
        if (!present.equals(report.expected) || rows != present.size() || flow.received != rows) {
            return null;
        }
        return flow.lastReceivedMicros - report.intendedMicros;
    }

    /**
     * Overdue escalations (org.handoff.referral.overdue.v1 rows of referral-service's outbox) emitted more than
     * once for the same referral, deadline and level, among those with a row since {@code since}.
     */
    static Map<String, Object> overdueDuplicates(Databases db, Instant since) throws SQLException {
        return db.retrying("overdue duplicates", () -> {
            Connection c = db.of("referral");
            Map<String, Object> out = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM outbox_message"
                    + " WHERE type = 'org.handoff.referral.overdue.v1' AND occurred_at >= ?")) {
                st.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    out.put("emittedDuringRun", rs.getLong(1));
                }
            }
            // the payload is the ReferralOverdue record: referralId, deadline (RECEIPT | ACCEPTANCE), escalationLevel
            out.putAll(duplicates(c, "SELECT p->>'referralId', p->>'deadline', p->>'escalationLevel', count(*)"
                    + " FROM (SELECT payload::json AS p, occurred_at FROM outbox_message"
                    + "       WHERE type = 'org.handoff.referral.overdue.v1') o"
                    + " GROUP BY 1, 2, 3 HAVING count(*) > 1 AND max(occurred_at) >= ? ORDER BY 4 DESC",
                    since, "referralId", "deadline", "level"));
            return out;
        });
    }

    /**
     * Escalation notifications notification-service made more than once for the same escalation, level and
     * person (table notification), among those with a row since {@code since}.
     */
    static Map<String, Object> notificationDuplicates(Databases db, Instant since) throws SQLException {
        return db.retrying("notification duplicates", () -> {
            Connection c = db.of("notification");
            Map<String, Object> out = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM notification"
                    + " WHERE escalation_id IS NOT NULL AND created_at >= ?")) {
                st.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    out.put("escalationNotificationsDuringRun", rs.getLong(1));
                }
            }
            out.putAll(duplicates(c, "SELECT escalation_id::text, escalation_level::text, recipient_user_id, count(*)"
                    + " FROM notification WHERE escalation_id IS NOT NULL"
                    + " GROUP BY 1, 2, 3 HAVING count(*) > 1 AND max(created_at) >= ? ORDER BY 4 DESC",
                    since, "escalationId", "level", "recipient"));
            return out;
        });
    }

    /**
     * Lifecycle changes (org.handoff.referral.lifecycle-changed.v1 in referral-service's outbox) of the run's
     * cases published more than once for the same referral and state: a status event applied twice.
     */
    static Map<String, Object> lifecycleDuplicates(Databases db, List<SentReport> reports) throws SQLException {
        String[] cases = reports.stream().filter(SentReport::accepted).map(r -> r.caseId.toString()).toArray(String[]::new);
        return db.retrying("lifecycle duplicates", () -> {
            Connection c = db.of("referral");
            try (PreparedStatement st = c.prepareStatement("SELECT p->>'referralId', p->>'toState', count(*)"
                    + " FROM (SELECT payload::json AS p FROM outbox_message"
                    + "       WHERE type = 'org.handoff.referral.lifecycle-changed.v1' AND subject = ANY(?)) o"
                    + " GROUP BY 1, 2 HAVING count(*) > 1 ORDER BY 3 DESC")) {
                st.setArray(1, c.createArrayOf("text", cases));
                return collect(st, "referralId", "toState");
            }
        });
    }

    private static Map<String, Object> duplicates(Connection c, String sql, Instant since, String... keys)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setTimestamp(1, Timestamp.from(since));
            return collect(st, keys);
        }
    }

    /** Rows of (keys..., count): how many groups, how many surplus rows, and the first few. */
    private static Map<String, Object> collect(PreparedStatement st, String... keys) throws SQLException {
        long groups = 0;
        long surplus = 0;
        List<Map<String, Object>> examples = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long count = rs.getLong(keys.length + 1);
                groups++;
                surplus += count - 1;
                if (examples.size() < EXAMPLES) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    for (int i = 0; i < keys.length; i++) {
                        e.put(keys[i], rs.getString(i + 1));
                    }
                    e.put("count", count);
                    examples.add(e);
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("duplicated", groups);
        out.put("surplusRows", surplus);
        out.put("examples", examples);
        return out;
    }
}
