package org.handoff.plumbing.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.handoff.plumbing.security.Roles;
import org.handoff.plumbing.testing.OnVertx;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.handoff.plumbing.testing.TestTokens.token;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditChainTest {

    private static final String VERIFY = "/api/v1/admin/audit/verification";

    @Inject
    AuditLog audit;
    @Inject
    Pool pool;

    @Test
    void concurrentAppendsFromSeveralConnectionsGoToSeveralLanesAndKeepEveryLaneUnbroken() {
        String detail = "burst-" + UUID.randomUUID();
        CompletableFuture<?>[] appends = IntStream.range(0, 40)
                .mapToObj(i -> CompletableFuture.runAsync(() -> record("case.read", UUID.randomUUID().toString(), detail)))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(appends).join();
        given().auth().oauth2(admin()).get(VERIFY).then().statusCode(200)
                .body("intact", equalTo(true)).body("firstBrokenSeq", nullValue());
        long lanes = pool.preparedQuery("SELECT count(DISTINCT lane) AS lanes FROM audit_entry WHERE detail = $1")
                .execute(Tuple.of(detail)).await().indefinitely().iterator().next().getLong("lanes");
        assertTrue(lanes >= 2, "appends on several connections must not all queue on one chain head, lanes used: " + lanes);
    }

    @Test
    void removingAnEntryFromTheMiddleOrTheEndOfALaneIsReported() {
        String middle = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        String last = UUID.randomUUID().toString();
        // one transaction appends to one lane, in order
        OnVertx.await(() -> Panache.withTransaction(() -> audit.record(WHO, "case.read", "case", UUID.randomUUID().toString(), null)
                .chain(() -> audit.record(WHO, "case.read", "case", middle, null))
                .chain(() -> audit.record(WHO, "case.read", "case", after, null))
                .chain(() -> audit.record(WHO, "case.read", "case", last, null))));
        long middleSeq = seqOf(middle);
        long afterSeq = seqOf(after);

        withGuardOff("DELETE FROM audit_entry WHERE seq = " + middleSeq + " RETURNING *", removed -> {
            given().auth().oauth2(admin()).get(VERIFY).then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) afterSeq));
        });
        given().auth().oauth2(admin()).get(VERIFY).then().statusCode(200).body("intact", equalTo(true));

        long lastSeq = seqOf(last);
        boolean stillLast = pool.preparedQuery("SELECT h.position = e.lane_position AS last FROM audit_entry e"
                        + " JOIN audit_lane_head h ON h.lane = e.lane WHERE e.seq = $1").execute(Tuple.of(lastSeq))
                .await().indefinitely().iterator().next().getBoolean("last");
        assertTrue(stillLast, "nothing else appends while this test runs: its last entry ends its lane");
        withGuardOff("DELETE FROM audit_entry WHERE seq = " + lastSeq + " RETURNING *", removed ->
                given().auth().oauth2(admin()).get(VERIFY).then().statusCode(200)
                        .body("intact", equalTo(false))
                        .body("firstBrokenSeq", equalTo((int) afterSeq))
                        .body("problem", org.hamcrest.Matchers.containsString("removed from its end")));
    }

    @Test
    void swappingTwoEntriesIsReported() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        OnVertx.await(() -> Panache.withTransaction(() -> audit.record(WHO, "case.read", "case", first, null)
                .chain(() -> audit.record(WHO, "referral.cancel", "referral", second, null))));
        long a = seqOf(first);
        long b = seqOf(second);
        String swap = "UPDATE audit_entry SET lane_position = CASE WHEN seq = %d THEN lane_position + 1 ELSE lane_position - 1 END"
                + " WHERE seq IN (%d, %d)";
        pool.withTransaction(conn -> conn.query("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only").execute()
                .chain(() -> conn.query("ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_lane_position").execute())
                .chain(() -> conn.query(swap.formatted(a, a, b)).execute())
                .chain(() -> conn.query("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only").execute()))
                .await().indefinitely();
        try {
            given().auth().oauth2(admin()).get(VERIFY).then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) b));
        } finally {
            pool.withTransaction(conn -> conn.query("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only").execute()
                    .chain(() -> conn.query(swap.formatted(b, a, b)).execute())
                    .chain(() -> conn.query("ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_lane_position UNIQUE (lane, lane_position)").execute())
                    .chain(() -> conn.query("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only").execute()))
                    .await().indefinitely();
        }
        given().auth().oauth2(admin()).get(VERIFY).then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void editingOneRowIsReportedAsTheFirstBrokenLink() {
        String target = UUID.randomUUID().toString();
        record("case.read", UUID.randomUUID().toString());
        record("referral.cancel", target);
        record("case.read", UUID.randomUUID().toString());
        long seq = pool.preparedQuery("SELECT seq FROM audit_entry WHERE target_id = $1").execute(Tuple.of(target))
                .await().indefinitely().iterator().next().getLong("seq");

        tamper(seq, "someone-else");
        try {
            given().auth().oauth2(admin()).get(VERIFY).then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq));
        } finally {
            tamper(seq, target);
        }
        given().auth().oauth2(admin()).get(VERIFY).then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void rowsCannotBeUpdatedOrDeletedThroughSql() {
        record("case.read", UUID.randomUUID().toString());
        assertThrows(Exception.class, () -> pool.query("UPDATE audit_entry SET detail = 'x'").execute().await().indefinitely());
        assertThrows(Exception.class, () -> pool.query("DELETE FROM audit_entry").execute().await().indefinitely());
    }

    @Test
    void onlyTheAdminMayVerify() {
        given().get(VERIFY).then().statusCode(401);
        given().auth().oauth2(token("manager.case", "almaty-coordination", "coordination", Roles.CASE_MANAGER))
                .get(VERIFY).then().statusCode(403);
    }

    private static final AuditLog.Who WHO = new AuditLog.Who("manager.case", Roles.CASE_MANAGER, "almaty-coordination");

    private void record(String action, String target) {
        record(action, target, null);
    }

    private void record(String action, String target, String detail) {
        OnVertx.await(() -> Panache.withTransaction(() -> audit.record(WHO, action, "case", target, detail)));
    }

    private long seqOf(String target) {
        return pool.preparedQuery("SELECT seq FROM audit_entry WHERE target_id = $1").execute(Tuple.of(target))
                .await().indefinitely().iterator().next().getLong("seq");
    }

    /** Removes rows with the guard off, runs the check, then puts the very same rows back. */
    private void withGuardOff(String deleteReturning, java.util.function.Consumer<Void> check) {
        io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row> removed = pool.withTransaction(conn -> conn
                        .query("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only").execute()
                        .chain(() -> conn.query(deleteReturning).execute())
                        .call(() -> conn.query("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only").execute()))
                .await().indefinitely();
        try {
            check.accept(null);
        } finally {
            for (io.vertx.mutiny.sqlclient.Row row : removed) {
                pool.preparedQuery("INSERT INTO audit_entry (seq, lane, lane_position, recorded_at, actor_user, actor_role,"
                                + " actor_agency, action, target_type, target_id, detail, prev_hash, hash) OVERRIDING SYSTEM VALUE"
                                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
                        .execute(Tuple.tuple().addValue(row.getLong("seq")).addValue(row.getInteger("lane"))
                                .addValue(row.getLong("lane_position")).addValue(row.getOffsetDateTime("recorded_at"))
                                .addValue(row.getString("actor_user")).addValue(row.getString("actor_role"))
                                .addValue(row.getString("actor_agency")).addValue(row.getString("action"))
                                .addValue(row.getString("target_type")).addValue(row.getString("target_id"))
                                .addValue(row.getString("detail")).addValue(row.getString("prev_hash"))
                                .addValue(row.getString("hash")))
                        .await().indefinitely();
            }
        }
    }

    /** What someone with the table owner's rights could do: switch the guard off and edit a row. */
    private void tamper(long seq, String targetId) {
        pool.withTransaction(conn -> conn.query("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only").execute()
                .chain(() -> conn.preparedQuery("UPDATE audit_entry SET target_id = $1 WHERE seq = $2")
                        .execute(Tuple.of(targetId, seq)))
                .chain(() -> conn.query("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only").execute()))
                .await().indefinitely();
    }

    private static String admin() {
        return token("admin.ops", "handoff-operations", null, Roles.ADMIN);
    }
}
