package org.handoff.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reports each sector service stored at intake since the run began: accepted answers plus any stored despite an error. */
final class IntakeCount {

    private IntakeCount() {
    }

    static Map<String, Long> since(Databases db, Instant start) throws SQLException {
        return db.retrying("intake count", () -> count(db, start));
    }

    private static Map<String, Long> count(Databases db, Instant start) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Sector sector : Sector.values()) {
            try (PreparedStatement st = db.of(sector.id()).prepareStatement(
                    "SELECT count(*) FROM survivor_report WHERE reported_at >= ?")) {
                st.setTimestamp(1, Timestamp.from(start));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    out.put(sector.id(), rs.getLong(1));
                }
            }
        }
        return out;
    }
}
