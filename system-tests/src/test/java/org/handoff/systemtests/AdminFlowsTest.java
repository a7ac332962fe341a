package org.handoff.systemtests;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an administrator sees of the running stack's event flows, from the real broker and databases. */
class AdminFlowsTest {

    static Stream<String> services() {
        return Stack.SERVICES.keySet().stream().sorted();
    }

    @Test
    void flowsShowEveryServicesConsumerGroupOnTheRealTopics() {
        JsonPath flows = given().auth().oauth2(Stack.userToken("admin.ops"))
                .get(Stack.url("referral-service") + "/api/v1/admin/flows").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> consumers = flows.getList("consumers");
        Set<String> groups = consumers.stream().map(c -> (String) c.get("group")).collect(Collectors.toSet());
        assertTrue(groups.containsAll(Stack.SERVICES.keySet()), "every service's group, read as flow-monitor: " + groups);
        assertTrue(consumers.stream().anyMatch(c -> "notification-service".equals(c.get("group"))
                && "handoff.health.lifecycle".equals(c.get("topic"))), flows.prettify());
        List<Map<String, Object>> topics = flows.getList("topics");
        assertTrue(topics.stream().anyMatch(t -> "handoff.case-reported".equals(t.get("topic"))
                && ((Number) t.get("partitions")).intValue() >= 3), flows.prettify());
    }

    /** A report the referral-service cannot read is dead-lettered; the administrator finds it by case and replays it. */
    @Test
    void aPoisonedReportIsListedWithItsCauseAndAReplayFailsAgainWithoutASecondDeadLetter() throws Exception {
        String caseId = java.util.UUID.randomUUID().toString();
        String eventId = java.util.UUID.randomUUID().toString();
        var record = new org.apache.kafka.clients.producer.ProducerRecord<String, String>("handoff.case-reported", caseId,
                "{\"caseId\": \"" + caseId + "\", \"reportedAt\": ");
        for (String[] header : new String[][]{{"ce_specversion", "1.0"}, {"ce_id", eventId},
                {"ce_type", "org.handoff.case.reported.v1"}, {"ce_source", "/handoff/police-service"},
                {"ce_subject", caseId}, {"ce_time", java.time.Instant.now().toString()}, {"content-type", "application/json"}}) {
            record.headers().add(header[0], header[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (var producer = BrokerAccessTest.producerAs("police-service",
                Stack.secret(BrokerAccessTest.passwordName("police-service")))) {
            producer.send(record).get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        String admin = Stack.userToken("admin.ops");
        String referral = Stack.url("referral-service");
        JsonPath listed = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(
                () -> given().auth().oauth2(admin).queryParam("caseId", caseId).get(referral + "/api/v1/admin/dead-letters")
                        .then().statusCode(200).extract().jsonPath(),
                found -> found.getInt("total") == 1);
        assertEquals(eventId, listed.getString("items[0].eventId"));
        assertEquals("handoff.case-reported", listed.getString("items[0].original.topic"));
        assertEquals("handoff.case-reported.dlq", listed.getString("items[0].position.topic"));
        assertEquals("referral-service.case-reported", listed.getString("items[0].consumer"));
        assertEquals("open", listed.getString("items[0].status"));
        String replay = referral + "/api/v1/admin/dead-letters/handoff.case-reported.dlq/"
                + listed.getInt("items[0].position.partition") + "/" + listed.getLong("items[0].position.offset") + "/replay";
        given().auth().oauth2(admin).post(replay).then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("failed-again"));
        JsonPath after = given().auth().oauth2(admin).queryParam("caseId", caseId).get(referral + "/api/v1/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, after.getInt("total"), "a replay that failed again writes no second dead letter");
        assertEquals("failed-again", after.getString("items[0].status"));
        assertEquals("admin.ops", after.getString("items[0].lastReplay.by"));
    }

    /** Each service reads back its own dead-letter topics as its own broker user (acls.txt grants it). */
    @ParameterizedTest
    @MethodSource("services")
    void everyServiceListsItsDeadLettersAndItsOutboxBacklog(String service) {
        String admin = Stack.userToken("admin.ops");
        JsonPath deadLetters = given().auth().oauth2(admin).get(Stack.url(service) + "/api/v1/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = deadLetters.getList("items");
        assertEquals(deadLetters.getInt("total") > 0, !items.isEmpty(), deadLetters.prettify());
        given().auth().oauth2(admin).get(Stack.url(service) + "/api/v1/admin/outbox").then().statusCode(200);
        given().auth().oauth2(Stack.userToken("officer.police")).get(Stack.url(service) + "/api/v1/admin/dead-letters")
                .then().statusCode(403);
    }
}
