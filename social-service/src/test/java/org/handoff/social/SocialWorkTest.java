package org.handoff.social;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.handoff.events.IncidentType;
import org.handoff.events.Priority;
import org.handoff.events.ReferralRequested;
import org.handoff.events.RiskLevel;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;
import org.handoff.events.SocialView;
import org.handoff.plumbing.security.Roles;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.handoff.inbox.testing.InboxFixtures.awaitInInbox;
import static org.handoff.inbox.testing.InboxFixtures.queryOne;
import static org.handoff.inbox.testing.InboxFixtures.referral;
import static org.handoff.inbox.testing.InboxFixtures.report;
import static org.handoff.inbox.testing.InboxFixtures.sendToInbox;
import static org.handoff.plumbing.testing.TestTokens.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SocialWorkTest {

    private static final String AGENCY = "social-work-centre";

    private static String worker() {
        return token("worker.social", AGENCY, "social", Roles.SOCIAL_WORKER);
    }

    private static ReferralRequested arrive(boolean minor) {
        ReferralRequested request = referral(Sector.SOCIAL, AGENCY, Priority.URGENT,
                Instant.now().plus(Duration.ofHours(2)), minor,
                new SocialView(IncidentType.PHYSICAL_ASSAULT, RiskLevel.HIGH, Set.of(), 1, Set.of(ServiceType.SHELTER)));
        sendToInbox(Sector.SOCIAL, request);
        awaitInInbox(worker(), request.referralId());
        return request;
    }

    private static String shelter(int capacity) {
        return given().auth().oauth2(token("admin.ops", "almaty-coordination", "coordination", Roles.ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Crisis shelter " + UUID.randomUUID(), "region", "KZ-ALA", "agency", AGENCY,
                        "capacity", capacity))
                .post("/api/v1/shelters").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.Response place(String shelter, UUID caseId, int beds) {
        return given().auth().oauth2(worker()).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "beds", beds)).post("/api/v1/shelters/" + shelter + "/placements");
    }

    @Test
    void parallelPlacementsNeverOverbookAndReleaseFreesTheBed() throws Exception {
        String shelter = shelter(3);
        List<UUID> cases = IntStream.range(0, 4).mapToObj(i -> arrive(false).caseId()).toList();
        int attempts = 12;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, attempts).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return place(shelter, cases.get(i % cases.size()), 1).statusCode();
            }, pool)).toList();
            start.countDown();
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
            assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(attempts - 3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(worker()).get("/api/v1/shelters/" + shelter).then()
                .body("occupied", equalTo(3)).body("available", equalTo(0));
        assertEquals(3L, ((Number) queryOne("SELECT count(*) FROM placement WHERE shelter_id = CAST(?1 AS uuid)", shelter)).longValue());

        String placement = given().auth().oauth2(worker()).queryParam("shelterId", shelter).get("/api/v1/placements")
                .then().statusCode(200).extract().path("[0].id");
        given().auth().oauth2(worker()).header("If-Match", "\"4\"").post("/api/v1/placements/" + placement + "/release")
                .then().statusCode(412);
        given().auth().oauth2(worker()).header("If-Match", "\"0\"").post("/api/v1/placements/" + placement + "/release")
                .then().statusCode(200).body("releasedBy", equalTo("worker.social"));
        given().auth().oauth2(worker()).header("If-Match", "\"0\"").post("/api/v1/placements/" + placement + "/release")
                .then().statusCode(200);
        given().auth().oauth2(worker()).get("/api/v1/shelters/" + shelter).then().body("available", equalTo(1));
        place(shelter, cases.get(0), 2).then().statusCode(409).contentType("application/problem+json");
        place(shelter, cases.get(0), 1).then().statusCode(201);
        given().auth().oauth2(worker()).get("/api/v1/shelters/" + shelter).then().body("available", equalTo(0));
    }

    @Test
    void aPlacementNeedsACaseTheAgencyHolds() {
        String shelter = shelter(5);
        place(shelter, UUID.randomUUID(), 1).then().statusCode(404);
        given().auth().oauth2(token("officer.police", "almaty-police-dept-1", "police", Roles.POLICE_OFFICER))
                .contentType(ContentType.JSON).body(Map.of("caseId", UUID.randomUUID(), "beds", 1))
                .post("/api/v1/shelters/" + shelter + "/placements").then().statusCode(403);
        given().auth().oauth2(worker()).get("/api/v1/shelters/" + shelter).then().body("occupied", equalTo(0));
    }

    @Test
    void aMinorAlwaysTriggersChildProtectionByReportOrByReferral() {
        Map<String, Object> body = report("Child Survivor", null, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> survivor = (Map<String, Object>) body.get("survivor");
        survivor.put("ageYears", 15);
        body.put("consents", List.of());
        String reportedCase = given().auth().oauth2(worker()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/reports").then().statusCode(201).body("minor", equalTo(true)).extract().path("caseId");
        given().auth().oauth2(worker()).queryParam("caseId", reportedCase).get("/api/v1/child-protection").then()
                .statusCode(200).body("source", equalTo(List.of("REPORT")));

        ReferralRequested referral = arrive(true);
        String id = given().auth().oauth2(worker()).queryParam("caseId", referral.caseId()).queryParam("open", true)
                .get("/api/v1/child-protection").then().body("source", equalTo(List.of("REFERRAL")))
                .extract().path("[0].id");
        given().auth().oauth2(worker()).post("/api/v1/child-protection/" + id + "/acknowledge").then().statusCode(200)
                .body("acknowledgedBy", equalTo("worker.social"));
        given().auth().oauth2(worker()).queryParam("caseId", referral.caseId()).queryParam("open", true)
                .get("/api/v1/child-protection").then().body("size()", equalTo(0));

        ReferralRequested adult = arrive(false);
        given().auth().oauth2(worker()).queryParam("caseId", adult.caseId()).get("/api/v1/child-protection").then()
                .body("size()", equalTo(0));
    }

    @Test
    void safetyPlanIsSealedAndSessionsAndLegalAidAreKeptOnTheCase() {
        UUID caseId = arrive(false).caseId();
        String path = "/api/v1/cases/" + caseId;
        Map<String, Object> plan = Map.of("steps", List.of("keep a bag at the neighbour's"),
                "safePlaces", List.of("sister's flat on Tole bi"), "codeWord", "blue umbrella");
        String etag = given().auth().oauth2(worker()).contentType(ContentType.JSON).body(plan).put(path + "/safety-plan")
                .then().statusCode(200).extract().header("ETag");
        String row = (String) queryOne("SELECT CAST(row_to_json(p) AS text) FROM safety_plan p WHERE case_id = ?1", caseId);
        assertFalse(row.contains("blue umbrella") || row.contains("Tole bi"), "safety plan in plain text: " + row);
        given().auth().oauth2(worker()).get(path + "/safety-plan").then().statusCode(200)
                .body("plan.codeWord", equalTo("blue umbrella"));
        given().auth().oauth2(worker()).contentType(ContentType.JSON).body(plan).put(path + "/safety-plan")
                .then().statusCode(428);
        given().auth().oauth2(worker()).contentType(ContentType.JSON).body(plan).header("If-Match", "\"9\"")
                .put(path + "/safety-plan").then().statusCode(412);
        given().auth().oauth2(worker()).contentType(ContentType.JSON).body(Map.of("steps", List.of()))
                .header("If-Match", etag).put(path + "/safety-plan").then().statusCode(400);

        given().auth().oauth2(worker()).contentType(ContentType.JSON)
                .body(Map.of("heldAt", Instant.now().minus(Duration.ofHours(1)).toString(), "durationMinutes", 50,
                        "modality", "INDIVIDUAL"))
                .post(path + "/sessions").then().statusCode(201);
        given().auth().oauth2(worker()).get(path + "/sessions").then().body("modality", hasItem("INDIVIDUAL"));
        given().auth().oauth2(worker()).contentType(ContentType.JSON)
                .body(Map.of("matter", "PROTECTION_ORDER", "provider", "Legal clinic Adilet"))
                .post(path + "/legal-aid").then().statusCode(201);
        given().auth().oauth2(worker()).get(path + "/legal-aid").then().body("matter", hasItem("PROTECTION_ORDER"));
        given().auth().oauth2(token("worker.other", "other-centre", "social", Roles.SOCIAL_WORKER))
                .get(path + "/sessions").then().statusCode(404);
    }
}
