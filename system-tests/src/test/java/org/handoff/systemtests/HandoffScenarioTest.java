package org.handoff.systemtests;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole handoff on the running stack, every token from the real Keycloak: a HIGH-risk sexual
 * assault reported to police reaches health and social, both systems acknowledge receipt by
 * themselves, the health worker accepts and completes, social declines with a reason, and both the
 * case manager's timeline and the referring officer's view show every step.
 */
class HandoffScenarioTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void highRiskSexualAssaultReportedToPoliceIsHandedToHealthAndSocialAndClosedLoop() {
        String officer = Stack.userToken("officer.police");
        Response created = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Stack.policeReport())
                .post(Stack.url("police-service") + "/api/v1/reports");
        assertEquals(201, created.statusCode(), created.asString());
        String caseId = created.jsonPath().getString("caseId");
        assertNotNull(caseId);

        String manager = Stack.userToken("manager.case");
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath view = given().auth().oauth2(manager).get(Stack.url("referral-service") + "/api/v1/cases/" + caseId)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(Map.of("HEALTH", "RECEIVED", "SOCIAL", "RECEIVED"), statesBySector(view.getList("referrals")),
                    "both recipient systems acknowledged receipt without anyone acting");
        });

        String health = Stack.userToken("worker.health");
        String healthReferral = inboxReferral("health-service", health, caseId);
        act("health-service", health, healthReferral, "accept", null);
        act("health-service", health, healthReferral, "start", null);
        act("health-service", health, healthReferral, "complete", "{\"outcome\":\"SERVICES_PROVIDED\",\"servicesProvided\":[\"MEDICAL_CARE\"]}");

        String social = Stack.userToken("worker.social");
        String socialReferral = inboxReferral("social-service", social, caseId);
        act("social-service", social, socialReferral, "decline", "{\"reason\":\"NO_CAPACITY\"}");

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<Map<String, Object>> timeline = given().auth().oauth2(manager)
                    .get(Stack.url("referral-service") + "/api/v1/cases/" + caseId + "/timeline")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertEquals(List.of("REQUESTED", "RECEIVED", "ACCEPTED", "IN_PROGRESS", "COMPLETED"), steps(timeline, "HEALTH"));
            assertEquals(List.of("REQUESTED", "RECEIVED", "DECLINED"), steps(timeline, "SOCIAL"));
            assertTrue(timeline.stream().filter(step -> !"REQUESTED".equals(step.get("state")))
                    .allMatch(step -> step.get("latencyMillis") instanceof Number), "every later step carries its latency");
            assertEquals("almaty-city-hospital-4", timeline.stream().filter(s -> "ACCEPTED".equals(s.get("state")))
                    .findFirst().orElseThrow().get("actorAgency"));
        });

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath outgoing = given().auth().oauth2(officer).queryParam("caseId", caseId)
                    .get(Stack.url("police-service") + "/api/v1/outgoing-referrals")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> ours = outgoing.<Map<String, Object>>getList("items").stream()
                    .filter(r -> caseId.equals(r.get("caseId"))).toList();
            assertEquals(Map.of("HEALTH", "COMPLETED", "SOCIAL", "DECLINED"), statesBySector(ours),
                    "the referring officer sees how both handoffs ended");
            assertEquals("NO_CAPACITY", ours.stream().filter(r -> "SOCIAL".equals(r.get("recipientSector")))
                    .findFirst().orElseThrow().get("declineReason"));
        });

        assertTheCaseFlowJoinsUpAcrossTheServices(caseId);
    }

    /**
     * An administrator follows the case hop by hop, joining what each service produced and applied by
     * event id: the police report reaches referral-service, the health referral reaches health-service,
     * and health's answer comes back — with times, and without survivor data.
     */
    private static void assertTheCaseFlowJoinsUpAcrossTheServices(String caseId) {
        String admin = Stack.userToken("admin.ops");
        Map<String, JsonPath> flows = new java.util.TreeMap<>();
        for (String service : Stack.SERVICES.keySet()) {
            flows.put(service, given().auth().oauth2(admin).get(Stack.url(service) + "/api/v1/admin/cases/" + caseId + "/flow")
                    .then().statusCode(200).extract().jsonPath());
        }
        String report = producedOn(flows.get("police-service"), "handoff.case-reported");
        assertTrue(consumedIds(flows.get("referral-service")).contains(report), "referral-service applied the report " + report);
        String healthRequest = producedOn(flows.get("referral-service"), "handoff.health.inbox");
        assertTrue(consumedIds(flows.get("health-service")).contains(healthRequest), "health-service applied " + healthRequest);
        String healthAnswer = producedOn(flows.get("health-service"), "handoff.referral-status");
        assertTrue(consumedIds(flows.get("referral-service")).contains(healthAnswer), "referral-service applied " + healthAnswer);
        // the report's request and the hops it caused without anyone acting share the request's trace
        String trace = traceOf(flows.get("police-service"), report);
        assertTrue(trace != null && trace.matches("[0-9a-f]{32}"), "the report carries a trace id: " + trace);
        assertEquals(trace, consumedTrace(flows.get("referral-service"), report));
        assertEquals(trace, traceOf(flows.get("referral-service"), healthRequest));
        assertEquals(trace, consumedTrace(flows.get("health-service"), healthRequest));
        String lifecycle = producedOn(flows.get("referral-service"), "handoff.police.lifecycle");
        assertTrue(consumedIds(flows.get("police-service")).contains(lifecycle)
                && consumedIds(flows.get("notification-service")).contains(lifecycle), "the lifecycle reached police and notification");
        flows.forEach((service, flow) -> {
            assertTrue(flow.getList("consumed.latency").stream().allMatch(latency -> latency != null
                    && !java.time.Duration.parse((String) latency).isNegative()), service + ": " + flow.prettify());
            assertTrue(!flow.prettify().contains("Demo Survivor") && !flow.prettify().contains("+7 701"), service + " shows survivor data");
        });
    }

    private static String producedOn(JsonPath flow, String topic) {
        List<Map<String, Object>> produced = flow.getList("produced");
        return produced.stream().filter(event -> topic.equals(event.get("topic"))).map(event -> (String) event.get("eventId"))
                .findFirst().orElseThrow(() -> new AssertionError("nothing produced on " + topic + ": " + flow.prettify()));
    }

    private static String traceOf(JsonPath flow, String eventId) {
        List<Map<String, Object>> produced = flow.getList("produced");
        return produced.stream().filter(event -> eventId.equals(event.get("eventId"))).map(event -> (String) event.get("traceId"))
                .findFirst().orElse(null);
    }

    private static String consumedTrace(JsonPath flow, String eventId) {
        List<Map<String, Object>> consumed = flow.getList("consumed");
        return consumed.stream().filter(event -> eventId.equals(event.get("eventId"))).map(event -> (String) event.get("traceId"))
                .findFirst().orElse(null);
    }

    private static List<String> consumedIds(JsonPath flow) {
        return flow.getList("consumed.eventId");
    }

    private static String inboxReferral(String service, String token, String caseId) {
        return await().atMost(PATIENCE).until(() -> given().auth().oauth2(token).queryParam("caseId", caseId)
                .get(Stack.url(service) + "/api/v1/inbox/referrals")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(r -> caseId.equals(r.get("caseId"))).map(r -> (String) r.get("referralId")).findFirst()
                .orElse(null), id -> id != null);
    }

    /** Reads the referral's ETag, then acts with it in If-Match, as an officer's screen would. */
    private static void act(String service, String token, String referralId, String action, String body) {
        String base = Stack.url(service) + "/api/v1/inbox/referrals/" + referralId;
        String etag = given().auth().oauth2(token).get(base).then().statusCode(200).extract().header("ETag");
        var request = given().auth().oauth2(token).header("If-Match", etag).header("Idempotency-Key", UUID.randomUUID().toString());
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        Response response = request.post(base + "/" + action);
        assertTrue(response.statusCode() / 100 == 2, action + " answered " + response.statusCode() + ": " + response.asString());
    }

    private static Map<String, String> statesBySector(List<Map<String, Object>> referrals) {
        return referrals.stream().collect(Collectors.toMap(r -> (String) r.get("recipientSector"), r -> (String) r.get("state")));
    }

    private static List<String> steps(List<Map<String, Object>> timeline, String sector) {
        return timeline.stream().filter(step -> sector.equals(step.get("recipientSector")))
                .map(step -> (String) step.get("state")).toList();
    }
}
