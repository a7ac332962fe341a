package org.handoff.police;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.handoff.events.Actor;
import org.handoff.events.CancellationReason;
import org.handoff.events.IncidentType;
import org.handoff.events.PoliceView;
import org.handoff.events.Priority;
import org.handoff.events.ReferralCancelled;
import org.handoff.events.ReferralRequested;
import org.handoff.events.RiskLevel;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;
import org.handoff.plumbing.security.Roles;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.handoff.inbox.testing.InboxFixtures.awaitInInbox;
import static org.handoff.inbox.testing.InboxFixtures.referral;
import static org.handoff.inbox.testing.InboxFixtures.report;
import static org.handoff.inbox.testing.InboxFixtures.sendToInbox;
import static org.handoff.plumbing.testing.TestTokens.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PoliceWorkTest {

    private static final String AGENCY = "police-work-agency";

    private static String officer() {
        return token("officer.work", AGENCY, "police", Roles.POLICE_OFFICER);
    }

    private static JsonPath postReport(RiskLevel judgement) {
        Map<String, Object> body = report("Gulnara Tashieva", "KG" + System.nanoTime(), "+996 700 123 456");
        body.put("risk", Map.of("answers", Map.of("WEAPON_USED", true), "professionalJudgement", judgement.name()));
        return given().auth().oauth2(officer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/reports").then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath orderOfCase(String caseId) {
        return given().auth().oauth2(officer()).queryParam("caseId", caseId).get("/api/v1/protection-orders")
                .then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.Response issue(String orderId, String ifMatch, Object body) {
        return given().auth().oauth2(officer()).header("If-Match", ifMatch).contentType(ContentType.JSON).body(body)
                .post("/api/v1/protection-orders/" + orderId + "/issue");
    }

    @Test
    void aHighRiskReportMakesAProtectionOrderDueWithin24HoursIssuedFor3To30Days() {
        JsonPath report = postReport(RiskLevel.HIGH);
        assertEquals("HIGH", report.getString("riskLevel"));
        JsonPath orders = orderOfCase(report.getString("caseId"));
        assertEquals(1, orders.getInt("total"));
        assertEquals("DUE", orders.getString("items[0].status"));
        Instant reportedAt = Instant.parse(report.getString("reportedAt"));
        assertEquals(reportedAt.plus(Duration.ofHours(24)), Instant.parse(orders.getString("items[0].dueAt")));
        String id = orders.getString("items[0].id");
        given().auth().oauth2(officer()).queryParam("status", "DUE").queryParam("size", 200)
                .get("/api/v1/protection-orders").then().body("items.id", hasItem(id));
        given().auth().oauth2(officer()).get("/api/v1/reports/" + report.getString("id")).then()
                .body("sectorDetails.protectionOrders[0].status", equalTo("DUE"));

        String etag = given().auth().oauth2(officer()).get("/api/v1/protection-orders/" + id).then().statusCode(200)
                .extract().header("ETag");
        issue(id, etag, Map.of("durationDays", 31)).then().statusCode(400).contentType("application/problem+json");
        issue(id, etag, Map.of("durationDays", 2)).then().statusCode(400);
        issue(id, "\"99\"", Map.of("durationDays", 14)).then().statusCode(412);
        JsonPath issued = issue(id, etag, Map.of("durationDays", 14, "orderNumber", "PO-2026-17"))
                .then().statusCode(200).body("status", equalTo("ACTIVE")).extract().jsonPath();
        assertEquals(Instant.parse(issued.getString("startsAt")).plus(Duration.ofDays(14)),
                Instant.parse(issued.getString("expiresAt")));
        issue(id, Long.toString(issued.getLong("version")), Map.of("durationDays", 14)).then().statusCode(409);
        given().auth().oauth2(officer()).queryParam("status", "ACTIVE")
                .queryParam("expiringBefore", Instant.now().plus(Duration.ofDays(15)).toString()).queryParam("size", 200)
                .get("/api/v1/protection-orders").then().body("items.id", hasItem(id));
    }

    @Test
    void anOrderPastItsEndIsListedAsExpired() {
        String id = orderOfCase(postReport(RiskLevel.HIGH).getString("caseId")).getString("items[0].id");
        issue(id, "\"0\"", Map.of("durationDays", 3, "startsAt", Instant.now().minus(Duration.ofDays(10)).toString()))
                .then().statusCode(200).body("status", equalTo("EXPIRED"));
        given().auth().oauth2(officer()).queryParam("status", "EXPIRED").queryParam("size", 200)
                .get("/api/v1/protection-orders").then().body("items.id", hasItem(id));
        given().auth().oauth2(officer()).queryParam("status", "ACTIVE").queryParam("size", 200)
                .get("/api/v1/protection-orders").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void aStandardRiskReportMakesNoOrderDue() {
        assertEquals(0, orderOfCase(postReport(RiskLevel.STANDARD).getString("caseId")).getInt("total"));
    }

    @Test
    void aReferralAskingForProtectionMakesAnOrderDueThatItsCancellationWithdraws() {
        Instant due = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS);
        PoliceView view = new PoliceView(IncidentType.PHYSICAL_ASSAULT, Instant.now().minus(Duration.ofHours(2)), null,
                RiskLevel.HIGH, Set.of(), 0, Set.of(ServiceType.PROTECTION_ORDER), due);
        ReferralRequested request = referral(Sector.POLICE, AGENCY, Priority.URGENT,
                Instant.now().plus(Duration.ofHours(2)), false, view);
        sendToInbox(Sector.POLICE, request);
        awaitInInbox(officer(), request.referralId());
        JsonPath orders = orderOfCase(request.caseId().toString());
        assertEquals("DUE", orders.getString("items[0].status"));
        assertEquals(due, Instant.parse(orders.getString("items[0].dueAt")));

        sendToInbox(Sector.POLICE, new ReferralCancelled(request.referralId(), request.caseId(), Sector.POLICE,
                CancellationReason.CONSENT_WITHDRAWN, new Actor("manager.case", "case-manager", "almaty-coordination"),
                Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "CANCELLED".equals(orderOfCase(request.caseId().toString()).getString("items[0].status")));
        issue(orders.getString("items[0].id"), "\"" + orderOfCase(request.caseId().toString()).getLong("items[0].version") + "\"",
                Map.of("durationDays", 5)).then().statusCode(409);
    }

    @Test
    void theInvestigationReferenceIsKeptOnTheCaseAndGuardedByIfMatch() {
        JsonPath report = postReport(RiskLevel.MEDIUM);
        String caseId = report.getString("caseId");
        String path = "/api/v1/cases/" + caseId + "/investigation";
        String etag = given().auth().oauth2(officer()).contentType(ContentType.JSON).body(Map.of("reference", "INV-2026-0042"))
                .put(path).then().statusCode(200).body("reference", equalTo("INV-2026-0042")).extract().header("ETag");
        given().auth().oauth2(officer()).get("/api/v1/reports/" + report.getString("id")).then()
                .body("sectorDetails.investigationReference", equalTo("INV-2026-0042"));
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(Map.of("reference", "INV-X"))
                .put(path).then().statusCode(428);
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(Map.of("reference", "INV-X"))
                .header("If-Match", "\"7\"").put(path).then().statusCode(412);
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(Map.of("reference", "INV-2026-0043"))
                .header("If-Match", etag).put(path).then().statusCode(200).body("reference", equalTo("INV-2026-0043"));
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(Map.of("reference", " "))
                .header("If-Match", etag).put(path).then().statusCode(400);
        given().auth().oauth2(token("officer.other", "another-dept", "police", Roles.POLICE_OFFICER)).get(path)
                .then().statusCode(404);
        given().auth().oauth2(token("worker.health", "almaty-city-hospital-4", "health", Roles.HEALTH_WORKER)).get(path)
                .then().statusCode(403);
        given().auth().oauth2(token("nobody", AGENCY, "police", Roles.POLICE_OFFICER))
                .get("/api/v1/cases/" + UUID.randomUUID() + "/investigation").then().statusCode(404);
    }
}
