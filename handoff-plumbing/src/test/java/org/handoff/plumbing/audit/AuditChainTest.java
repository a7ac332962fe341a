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

@QuarkusTest
class AuditChainTest {

    private static final String VERIFY = "/api/v1/admin/audit/verification";

    @Inject
    AuditLog audit;
    @Inject
    Pool pool;

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() {
        CompletableFuture<?>[] appends = IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.runAsync(() -> record("case.read", UUID.randomUUID().toString())))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(appends).join();
        given().auth().oauth2(admin()).get(VERIFY).then().statusCode(200)
                .body("intact", equalTo(true)).body("firstBrokenSeq", nullValue());
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

    private void record(String action, String target) {
        OnVertx.await(() -> Panache.withTransaction(() -> audit.record(
                new AuditLog.Who("manager.case", Roles.CASE_MANAGER, "almaty-coordination"), action, "case", target, null)));
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
