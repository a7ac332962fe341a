package org.handoff.plumbing.deadletter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.plumbing.security.Roles;
import org.handoff.plumbing.testing.OnVertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.handoff.plumbing.testing.KafkaTestSupport.cloudEvent;
import static org.handoff.plumbing.testing.KafkaTestSupport.header;
import static org.handoff.plumbing.testing.KafkaTestSupport.readUntil;
import static org.handoff.plumbing.testing.KafkaTestSupport.send;
import static org.handoff.plumbing.testing.KafkaTestSupport.topic;
import static org.handoff.plumbing.testing.TestTokens.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator's view of dead letters: a poisoned event is dead-lettered, the condition is
 * fixed, the replay applies it once; a second replay finds it already applied; a still-bad event
 * fails again without a second dead letter; every replay is in the audit chain.
 */
@QuarkusTest
class DeadLetterReplayTest {

    private static final String TOPIC = topic("test.increments");
    private static final String DLQ = TOPIC + ".dlq";
    private static final String TYPE = "org.handoff.test.increment.v1";
    private static final String ADMIN = token("admin.ops", "almaty-coordination", "coordination", Roles.ADMIN);

    @Test
    void aFixedEventIsAppliedOnceByReplayAndAStillBadOneFailsAgainWithoutASecondDeadLetter() {
        String caseId = "case-" + UUID.randomUUID();
        String counter = "blocked-" + UUID.randomUUID();
        String blockedId = UUID.randomUUID().toString();
        String negativeId = UUID.randomUUID().toString();
        sql("INSERT INTO test_blocked_counter (name) VALUES ('" + counter + "')");
        send(cloudEvent(TOPIC, caseId, blockedId, TYPE, "{\"counter\":\"" + counter + "\",\"by\":5}"));
        send(cloudEvent(TOPIC, caseId, negativeId, TYPE, "{\"counter\":\"" + counter + "\",\"by\":-1}"));
        readUntil(DLQ, record -> negativeId.equals(header(record, "ce_id")));

        // the list shows both, newest first, with where they came from and why they failed
        JsonPath listed = list(Map.of("caseId", caseId));
        assertEquals(2, listed.getInt("total"), listed.prettify());
        assertEquals(List.of(negativeId, blockedId), listed.getList("items.eventId"));
        assertEquals(List.of("open", "open"), listed.getList("items.status"));
        assertEquals(TOPIC, listed.getString("items[1].original.topic"));
        assertEquals(DLQ, listed.getString("items[1].position.topic"));
        assertEquals("test-increments", listed.getString("items[1].consumer"));
        assertEquals("counter " + counter + " is blocked", listed.getString("items[1].error"));
        assertEquals("org.handoff.plumbing.consumer.PoisonEventException", listed.getString("items[1].errorClass"));
        assertEquals(1, listed.getInt("items[1].attempts"));
        assertEquals(TYPE, listed.getString("items[1].type"));
        assertTrue(listed.getString("items[1].payload").contains("\"by\":5"));
        String blocked = path(listed, 1);
        String negative = path(listed, 0);

        // the administrator fixes the cause; the replay applies the event exactly once
        sql("DELETE FROM test_blocked_counter WHERE name = '" + counter + "'");
        replay(blocked).body("outcome", equalTo("applied")).body("eventId", equalTo(blockedId));
        assertEquals(5, value(counter));
        replay(blocked).body("outcome", equalTo("already-applied"));
        assertEquals(5, value(counter), "a second replay must change nothing");

        // still bad: it fails again, with the new error, and is not dead-lettered a second time
        replay(negative).body("outcome", equalTo("failed-again"))
                .body("error", containsString("increments must not be negative"));
        replay(negative).body("outcome", equalTo("failed-again"));
        String marker = UUID.randomUUID().toString();
        send(cloudEvent(TOPIC, caseId, marker, TYPE, "{\"counter\":\"" + counter + "\",\"by\":-2}"));
        List<ConsumerRecord<String, String>> dead = readUntil(DLQ, record -> marker.equals(header(record, "ce_id")));
        assertEquals(1, dead.stream().filter(record -> negativeId.equals(header(record, "ce_id"))).count(),
                "a replay that failed again must not write the event to the DLQ again");

        JsonPath after = list(Map.of("caseId", caseId, "status", "failed-again"));
        assertEquals(List.of(negativeId), after.getList("items.eventId"));
        assertEquals(2, after.getInt("items[0].lastReplay.replays"));
        assertEquals("admin.ops", after.getString("items[0].lastReplay.by"));
        assertEquals(List.of(blockedId), list(Map.of("caseId", caseId, "status", "already-applied")).getList("items.eventId"));

        // the audit chain names who replayed which record and what happened
        List<String> audited = strings("SELECT actor_user || ' ' || target_id || ' ' || detail FROM audit_entry"
                + " WHERE action = 'dead-letter.replay' AND detail LIKE '%" + blockedId + "%' ORDER BY recorded_at");
        assertEquals(2, audited.size(), audited.toString());
        assertTrue(audited.get(0).startsWith("admin.ops " + blocked.replace("/dead-letters/", "").replace("/replay", "")),
                audited.toString());
        assertTrue(audited.get(0).endsWith(": applied") && audited.get(1).endsWith(": already-applied"), audited.toString());
    }

    @Test
    void aBulkReplayOfAFilterReportsEachRecordsOutcomeAndCanBeWatched() {
        String caseId = "bulk-" + UUID.randomUUID();
        String counter = "bulk-" + UUID.randomUUID();
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        sql("INSERT INTO test_blocked_counter (name) VALUES ('" + counter + "')");
        ids.forEach(id -> send(cloudEvent(TOPIC, caseId, id, TYPE, "{\"counter\":\"" + counter + "\",\"by\":1}")));
        String bad = UUID.randomUUID().toString();
        send(cloudEvent(TOPIC, caseId, bad, TYPE, "{\"counter\":\"" + counter + "\",\"by\":-3}"));
        readUntil(DLQ, record -> bad.equals(header(record, "ce_id")));
        sql("DELETE FROM test_blocked_counter WHERE name = '" + counter + "'");

        String location = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("filter", Map.of("caseId", caseId, "status", "open")))
                .post("/api/v1/admin/dead-letters/replays")
                .then().statusCode(202).body("total", equalTo(4)).extract().header("Location");
        await().atMost(Duration.ofSeconds(30)).until(() -> "finished".equals(watch(location).getString("state")));
        JsonPath job = watch(location);
        assertEquals(4, job.getInt("done"));
        assertEquals(3, (Object) job.get("outcomes.applied"), job.prettify());
        assertEquals(1, job.getInt("outcomes.'failed-again'"));
        // replayed oldest first, the order they failed in
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(2), bad), job.getList("results.eventId"));
        assertEquals(3, value(counter));
    }

    @Test
    void badRequestsAreRefusedWithAProblemAndChangeNothing() {
        given().auth().oauth2(ADMIN).queryParam("since", "yesterday").get("/api/v1/admin/dead-letters")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("since"));
        given().auth().oauth2(ADMIN).queryParam("status", "lost").get("/api/v1/admin/dead-letters")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/admin/dead-letters/replays")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).post("/api/v1/admin/dead-letters/" + DLQ + "/0/999999999/replay")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).post("/api/v1/admin/dead-letters/handoff.someone-elses.dlq/0/0/replay")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).get("/api/v1/admin/dead-letters/replays/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static JsonPath list(Map<String, String> query) {
        return given().auth().oauth2(ADMIN).queryParams(query).get("/api/v1/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The replay path of the listed item at this index. */
    private static String path(JsonPath listed, int index) {
        return "/dead-letters/" + listed.getString("items[" + index + "].position.topic") + "/"
                + listed.getInt("items[" + index + "].position.partition") + "/"
                + listed.getLong("items[" + index + "].position.offset") + "/replay";
    }

    private static io.restassured.response.ValidatableResponse replay(String path) {
        return given().auth().oauth2(ADMIN).post("/api/v1/admin" + path).then().statusCode(200);
    }

    private static JsonPath watch(String location) {
        return given().auth().oauth2(ADMIN).get(location).then().statusCode(200).extract().jsonPath();
    }

    private static int value(String counter) {
        return OnVertx.await(() -> org.handoff.plumbing.consumer.IncrementConsumer.value(counter));
    }

    private static void sql(String statement) {
        OnVertx.await(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(statement).executeUpdate())));
    }

    private static List<String> strings(String query) {
        return OnVertx.await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(query, String.class).getResultList())));
    }
}
