package org.handoff.plumbing.flow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.handoff.plumbing.consumer.Increment;
import org.handoff.plumbing.outbox.Outbox;
import org.handoff.plumbing.outbox.OutgoingEvent;
import org.handoff.plumbing.security.Roles;
import org.handoff.plumbing.testing.OnVertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.handoff.plumbing.testing.KafkaTestSupport.topic;
import static org.handoff.plumbing.testing.TestTokens.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One case's event, produced through the outbox and applied by a consumer, seen hop by hop by an administrator. */
@QuarkusTest
class CaseFlowTest {

    private static final String ADMIN = token("admin.ops", "almaty-coordination", "coordination", Roles.ADMIN);

    @Inject
    Outbox outbox;

    @Test
    void anEventProducedAndAppliedShowsBothHopsWithTheirTimes() {
        String caseId = "flow-" + UUID.randomUUID();
        OutgoingEvent event = OutgoingEvent.of("test.increments", caseId, "org.handoff.test.increment.v1",
                UUID.randomUUID().toString(), new Increment(caseId, 3));
        OnVertx.await(() -> Panache.withTransaction(() -> outbox.append(event)));

        JsonPath flow = await().atMost(Duration.ofSeconds(60)).until(() -> flow(caseId),
                found -> !found.getList("consumed").isEmpty() && found.getString("produced[0].publishedAt") != null);
        assertEquals("plumbing-test", flow.getString("service"));
        assertEquals(List.of(event.id().toString()), flow.getList("produced.eventId"));
        assertEquals(topic("test.increments"), flow.getString("produced[0].topic"));
        assertNotNull(Duration.parse(flow.getString("produced[0].publishLatency")));
        Map<String, Object> applied = flow.getMap("consumed[0]");
        assertEquals(event.id().toString(), applied.get("eventId"));
        assertEquals("test-increments", applied.get("consumer"));
        assertEquals("org.handoff.test.increment.v1", applied.get("type"));
        assertEquals(topic("test.increments"), applied.get("topic"));
        assertTrue(!Duration.parse((String) applied.get("latency")).isNegative(), applied.toString());
    }

    @Test
    void aCaseThisServiceNeverSawHasAnEmptyFlow() {
        JsonPath flow = flow("never-" + UUID.randomUUID());
        assertTrue(flow.getList("produced").isEmpty() && flow.getList("consumed").isEmpty(), flow.prettify());
    }

    private static JsonPath flow(String caseId) {
        return given().auth().oauth2(ADMIN).get("/api/v1/admin/cases/" + caseId + "/flow")
                .then().statusCode(200).extract().jsonPath();
    }
}
