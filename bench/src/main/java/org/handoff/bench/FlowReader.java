package org.handoff.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads back, per case, when the handoff reached each point, from timestamps the services store in the
 * transaction that made the change (no extra load while the step runs):
 * <ul>
 *   <li>all referrals received: referral-service's {@code referral_step.recorded_at} of state RECEIVED
 *   (set when referral-service applies the recipient's ReferralReceived), the latest over the case;</li>
 *   <li>first status feedback at the referring sector: {@code processed_event.processed_at} of the
 *   origin sector's closed-loop consumer for the case's first lifecycle event (the ids come from
 *   referral-service's outbox); processed_at is the start of the transaction that stored the
 *   closed-loop record.</li>
 * </ul>
 */
final class FlowReader {

    /** What referral-service and the origin sector hold for one case. */
    static final class CaseFlow {
        boolean caseFound;
        final Map<Sector, Integer> referralsBySector = new EnumMap<>(Sector.class);
        int received;
        long lastReceivedMicros;
        long firstFeedbackMicros;
        /** The origin sector saw RECEIVED for every referral (the closed loop complete). */
        long originAllReceivedMicros;
        int originReceivedSeen;
    }

    private final Databases db;

    FlowReader(Databases db) {
        this.db = db;
    }

    /** Reads the flows of these reports; reads them all again on fresh connections if a connection is lost. */
    Map<UUID, CaseFlow> read(List<SentReport> reports) throws SQLException {
        return db.retrying("read-back", () -> readOnce(reports));
    }

    private Map<UUID, CaseFlow> readOnce(List<SentReport> reports) throws SQLException {
        Map<UUID, CaseFlow> flows = new HashMap<>();
        Map<Sector, List<SentReport>> byOrigin = new EnumMap<>(Sector.class);
        for (SentReport report : reports) {
            if (report.accepted()) {
                flows.put(report.caseId, new CaseFlow());
                byOrigin.computeIfAbsent(report.origin, s -> new ArrayList<>()).add(report);
            }
        }
        if (flows.isEmpty()) {
            return flows;
        }
        Connection referral = db.of("referral");
        UUID[] ids = flows.keySet().toArray(UUID[]::new);
        Array caseIds = referral.createArrayOf("uuid", ids);
        try (PreparedStatement st = referral.prepareStatement("SELECT id FROM case_file WHERE id = ANY(?)")) {
            st.setArray(1, caseIds);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    flows.get(rs.getObject(1, UUID.class)).caseFound = true;
                }
            }
        }
        try (PreparedStatement st = referral.prepareStatement("SELECT r.case_id, r.recipient_sector, s.recorded_at"
                + " FROM referral r LEFT JOIN referral_step s ON s.referral_id = r.id AND s.state = 'RECEIVED'"
                + " WHERE r.case_id = ANY(?)")) {
            st.setArray(1, caseIds);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    CaseFlow flow = flows.get(rs.getObject(1, UUID.class));
                    flow.referralsBySector.merge(Sector.valueOf(rs.getString(2)), 1, Integer::sum);
                    var received = rs.getObject(3, java.time.OffsetDateTime.class);
                    if (received != null) {
                        flow.received++;
                        flow.lastReceivedMicros = Math.max(flow.lastReceivedMicros, Clock.micros(received.toInstant()));
                    }
                }
            }
        }
        // lifecycle event ids per case, from referral-service's outbox (kept 7 days)
        Map<String, UUID> eventCase = new HashMap<>();
        Map<String, String> eventState = new HashMap<>();
        String[] subjects = flows.keySet().stream().map(UUID::toString).toArray(String[]::new);
        try (PreparedStatement st = referral.prepareStatement("SELECT id::text, subject, payload::json->>'toState'"
                + " FROM outbox_message WHERE topic IN ('handoff.police.lifecycle', 'handoff.health.lifecycle',"
                + " 'handoff.social.lifecycle') AND subject = ANY(?)")) {
            st.setArray(1, referral.createArrayOf("text", subjects));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    eventCase.put(rs.getString(1), UUID.fromString(rs.getString(2)));
                    eventState.put(rs.getString(1), rs.getString(3));
                }
            }
        }
        for (Map.Entry<Sector, List<SentReport>> origin : byOrigin.entrySet()) {
            List<String> events = new ArrayList<>();
            java.util.Set<UUID> ours = new java.util.HashSet<>();
            origin.getValue().forEach(r -> ours.add(r.caseId));
            eventCase.forEach((event, caseId) -> {
                if (ours.contains(caseId)) {
                    events.add(event);
                }
            });
            Connection sector = db.of(origin.getKey().id());
            try (PreparedStatement st = sector.prepareStatement("SELECT event_id, processed_at FROM processed_event"
                    + " WHERE consumer = 'closed-loop' AND event_id = ANY(?)")) {
                st.setArray(1, sector.createArrayOf("text", events.toArray(String[]::new)));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String event = rs.getString(1);
                        long at = Clock.micros(rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
                        CaseFlow flow = flows.get(eventCase.get(event));
                        if (flow.firstFeedbackMicros == 0 || at < flow.firstFeedbackMicros) {
                            flow.firstFeedbackMicros = at;
                        }
                        if ("RECEIVED".equals(eventState.get(event))) {
                            flow.originReceivedSeen++;
                            flow.originAllReceivedMicros = Math.max(flow.originAllReceivedMicros, at);
                        }
                    }
                }
            }
        }
        return flows;
    }

    /** Referrals of these cases in state RECEIVED so far: the drain check between steps. */
    int receivedSoFar(List<SentReport> reports) throws SQLException {
        return db.retrying("drain check", () -> receivedSoFarOnce(reports));
    }

    private int receivedSoFarOnce(List<SentReport> reports) throws SQLException {
        Connection referral = db.of("referral");
        UUID[] ids = reports.stream().filter(SentReport::accepted).map(r -> r.caseId).toArray(UUID[]::new);
        try (PreparedStatement st = referral.prepareStatement(Databases.MARK + "SELECT count(*) FROM referral_step"
                + " WHERE state = 'RECEIVED' AND case_id = ANY(?)")) {
            st.setArray(1, referral.createArrayOf("uuid", ids));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
