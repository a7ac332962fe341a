package org.handoff.plumbing.audit;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Walks every lane of the chain in order and reports the first entry whose hash, link or position
 * does not hold, and a lane whose head no longer matches its last entry (entries removed from the end).
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 1000;
    private static final String HEADS = "SELECT lane, position, hash FROM audit_lane_head ORDER BY lane";
    private static final String PAGE_QUERY = "SELECT seq, lane, lane_position, recorded_at, actor_user, actor_role,"
            + " actor_agency, action, target_type, target_id, detail, prev_hash, hash FROM audit_entry"
            + " WHERE lane = $1 AND lane_position > $2 ORDER BY lane_position LIMIT $3";

    /** @param firstBrokenSeq null when the chain is intact */
    public record Verification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {
    }

    private record Head(int lane, long position, String hash) {
    }

    /** Where a lane's walk stands: the last entry that held. */
    private record Walk(long position, String hash, long lastSeq, long checked) {
        static final Walk START = new Walk(0, AuditEntry.GENESIS, 0, 0);
    }

    private record LaneResult(long checked, Long brokenSeq, String problem) {
    }

    private final Pool pool;

    public AuditVerifier(Pool pool) {
        this.pool = pool;
    }

    public Uni<Verification> verify() {
        return pool.query(HEADS).execute()
                .map(rows -> {
                    List<Head> heads = new ArrayList<>();
                    rows.forEach(row -> heads.add(new Head(row.getInteger("lane"), row.getLong("position"), row.getString("hash"))));
                    return heads;
                })
                .chain(heads -> Multi.createFrom().iterable(heads)
                        .onItem().transformToUniAndConcatenate(head -> verifyLane(head, Walk.START))
                        .collect().asList())
                .map(AuditVerifier::combine);
    }

    private static Verification combine(List<LaneResult> lanes) {
        long checked = lanes.stream().mapToLong(LaneResult::checked).sum();
        return lanes.stream().filter(lane -> lane.problem() != null)
                .min(Comparator.comparingLong(lane -> lane.brokenSeq() == null ? Long.MAX_VALUE : lane.brokenSeq()))
                .map(lane -> new Verification(false, checked, lane.brokenSeq(), lane.problem()))
                .orElse(new Verification(true, checked, null, null));
    }

    private Uni<LaneResult> verifyLane(Head head, Walk walk) {
        return pool.preparedQuery(PAGE_QUERY).execute(Tuple.of(head.lane(), walk.position(), PAGE)).chain(rows -> {
            List<AuditEntry> page = new ArrayList<>();
            rows.forEach(row -> page.add(entry(row)));
            Walk at = walk;
            for (AuditEntry entry : page) {
                long checked = at.checked() + 1;
                if (entry.lanePosition() != at.position() + 1) {
                    return broken(checked, entry.seq(), "lane " + head.lane() + " skips from position " + at.position()
                            + " to " + entry.lanePosition() + " (an entry was removed)");
                }
                if (!entry.prevHash().equals(at.hash())) {
                    return broken(checked, entry.seq(),
                            "does not link to the entry before it (an entry was removed, inserted or re-chained)");
                }
                if (!entry.expectedHash(at.hash()).equals(entry.hash())) {
                    return broken(checked, entry.seq(), "its content does not match its hash (the entry was edited)");
                }
                at = new Walk(entry.lanePosition(), entry.hash(), entry.seq(), checked);
            }
            if (page.size() == PAGE) {
                return verifyLane(head, at);
            }
            if (at.position() != head.position() || !Objects.equals(at.hash(), head.hash())) {
                return broken(at.checked(), at.lastSeq(), "lane " + head.lane() + " ends at position " + at.position()
                        + " but its head is at " + head.position() + " (entries were removed from its end)");
            }
            return Uni.createFrom().item(new LaneResult(at.checked(), null, null));
        });
    }

    private static Uni<LaneResult> broken(long checked, long seq, String problem) {
        return Uni.createFrom().item(new LaneResult(checked, seq, problem));
    }

    private static AuditEntry entry(Row row) {
        return new AuditEntry(row.getLong("seq"), row.getInteger("lane"), row.getLong("lane_position"),
                row.getOffsetDateTime("recorded_at").toInstant(),
                row.getString("actor_user"), row.getString("actor_role"), row.getString("actor_agency"),
                row.getString("action"), row.getString("target_type"), row.getString("target_id"),
                row.getString("detail"), row.getString("prev_hash"), row.getString("hash"));
    }
}
