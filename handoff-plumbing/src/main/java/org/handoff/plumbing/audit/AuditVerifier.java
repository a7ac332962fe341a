package org.handoff.plumbing.audit;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Walks the chain in order and reports the first row whose hash or link does not hold. */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 1000;
    private static final String PAGE_QUERY = "SELECT seq, recorded_at, actor_user, actor_role, actor_agency, action,"
            + " target_type, target_id, detail, prev_hash, hash FROM audit_entry WHERE seq > $1 ORDER BY seq LIMIT $2";

    /** @param firstBrokenSeq null when the chain is intact */
    public record Verification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {
    }

    private final Pool pool;

    public AuditVerifier(Pool pool) {
        this.pool = pool;
    }

    public Uni<Verification> verify() {
        return verifyFrom(0L, AuditEntry.GENESIS, 0L);
    }

    private Uni<Verification> verifyFrom(long afterSeq, String previousHash, long checked) {
        return pool.preparedQuery(PAGE_QUERY).execute(Tuple.of(afterSeq, PAGE)).chain(rows -> {
            List<AuditEntry> page = new ArrayList<>();
            rows.forEach(row -> page.add(entry(row)));
            String previous = previousHash;
            long count = checked;
            for (AuditEntry entry : page) {
                count++;
                if (!entry.prevHash().equals(previous)) {
                    return Uni.createFrom().item(new Verification(false, count, entry.seq(),
                            "does not link to the entry before it (an entry was removed or re-chained)"));
                }
                if (!entry.expectedHash(previous).equals(entry.hash())) {
                    return Uni.createFrom().item(new Verification(false, count, entry.seq(),
                            "its content does not match its hash (the entry was edited)"));
                }
                previous = entry.hash();
            }
            if (page.size() < PAGE) {
                return Uni.createFrom().item(new Verification(true, count, null, null));
            }
            return verifyFrom(page.get(page.size() - 1).seq(), previous, count);
        });
    }

    private static AuditEntry entry(Row row) {
        return new AuditEntry(row.getLong("seq"), row.getOffsetDateTime("recorded_at").toInstant(),
                row.getString("actor_user"), row.getString("actor_role"), row.getString("actor_agency"),
                row.getString("action"), row.getString("target_type"), row.getString("target_id"),
                row.getString("detail"), row.getString("prev_hash"), row.getString("hash"));
    }
}
