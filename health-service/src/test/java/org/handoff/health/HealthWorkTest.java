package org.handoff.health;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.handoff.events.HealthView;
import org.handoff.events.IncidentType;
import org.handoff.events.Priority;
import org.handoff.events.ReferralRequested;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;
import org.handoff.plumbing.security.Roles;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.handoff.inbox.testing.InboxFixtures.awaitInInbox;
import static org.handoff.inbox.testing.InboxFixtures.queryOne;
import static org.handoff.inbox.testing.InboxFixtures.referral;
import static org.handoff.inbox.testing.InboxFixtures.sendToInbox;
import static org.handoff.plumbing.testing.TestTokens.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HealthWorkTest {

    private static final String AGENCY = "health-work-hospital";

    private static String nurse() {
        return token("nurse.work", AGENCY, "health", Roles.HEALTH_WORKER);
    }

    private static String police() {
        return token("officer.police", "almaty-police-dept-1", "police", Roles.POLICE_OFFICER);
    }

    private static ReferralRequested arrive(IncidentType type, Instant incidentAt) {
        HealthView view = new HealthView(type, incidentAt, false, true, null, List.of(),
                Set.of(ServiceType.POST_EXPOSURE_PROPHYLAXIS, ServiceType.FORENSIC_EXAMINATION));
        ReferralRequested request = referral(Sector.HEALTH, AGENCY, Priority.EMERGENCY,
                Instant.now().plus(Duration.ofMinutes(30)), false, view);
        sendToInbox(Sector.HEALTH, request);
        awaitInInbox(nurse(), request.referralId());
        return request;
    }

    private static Map<String, Object> window(JsonPath entry, String kind, String evidence) {
        List<Map<String, Object>> windows = entry.getList("sectorDetails.clinicalWindows");
        return windows.stream().filter(w -> kind.equals(w.get("kind")) && (evidence == null || evidence.equals(w.get("evidence"))))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " " + evidence + " in " + windows));
    }

    @Test
    void theInboxShowsTheTimeLeftInEachClinicalWindowCountedFromTheIncident() {
        Instant incident = Instant.now().minus(Duration.ofHours(60));
        ReferralRequested request = arrive(IncidentType.RAPE, incident);
        JsonPath entry = given().auth().oauth2(nurse()).queryParam("caseId", request.caseId())
                .get("/api/v1/inbox/referrals").then().statusCode(200).extract().jsonPath().setRootPath("items[0]");

        Map<String, Object> pep = window(entry, "POST_EXPOSURE_PROPHYLAXIS", null);
        assertEquals(true, pep.get("open"));
        long pepLeft = ((Number) pep.get("minutesLeft")).longValue();
        assertTrue(pepLeft > 11 * 60 && pepLeft <= 12 * 60, "about 12 h of PEP left: " + pepLeft);
        assertEquals(incident.plus(Duration.ofHours(72)), Instant.parse((String) pep.get("closesAt")));
        long ecLeft = ((Number) window(entry, "EMERGENCY_CONTRACEPTION", null).get("minutesLeft")).longValue();
        assertTrue(ecLeft > 59 * 60 && ecLeft <= 60 * 60, "about 60 h of EC left: " + ecLeft);
        assertEquals(false, window(entry, "FORENSIC_EXAMINATION", "ORAL").get("open"), "oral evidence: 48 h, gone");
        assertEquals(0, ((Number) window(entry, "FORENSIC_EXAMINATION", "ORAL").get("minutesLeft")).intValue());
        assertEquals(true, window(entry, "FORENSIC_EXAMINATION", "VAGINAL").get("open"), "7 days");
        assertEquals(incident.plus(Duration.ofDays(10)),
                Instant.parse((String) window(entry, "FORENSIC_EXAMINATION", "ENDOCERVICAL").get("closesAt")));
    }

    @Test
    void noClinicalWindowsWhereNoneApply() {
        ReferralRequested request = arrive(IncidentType.PHYSICAL_ASSAULT, Instant.now().minus(Duration.ofHours(2)));
        given().auth().oauth2(nurse()).get("/api/v1/inbox/referrals/" + request.referralId()).then()
                .body("sectorDetails", nullValue());
    }

    @Test
    void anEncounterSchedulesFollowUpsAt2Weeks3And6MonthsAndKeepsItsNotesSealed() {
        ReferralRequested request = arrive(IncidentType.SEXUAL_ASSAULT, Instant.now().minus(Duration.ofHours(10)));
        Instant seenAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        JsonPath encounter = given().auth().oauth2(nurse()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("caseId", request.caseId(), "referralId", request.referralId(), "seenAt", seenAt.toString(),
                        "servicesProvided", List.of("POST_EXPOSURE_PROPHYLAXIS", "FORENSIC_EXAMINATION"),
                        "pepStarted", true, "ecGiven", false, "forensicEvidence", List.of("VAGINAL", "SKIN"),
                        "notes", "bruising on left forearm, Tashkentova reports"))
                .post("/api/v1/encounters").then().statusCode(201).extract().jsonPath();
        List<String> due = encounter.getList("followUps.dueAt");
        assertEquals(List.of(seenAt.plus(Duration.ofDays(14)),
                        seenAt.atOffset(ZoneOffset.UTC).plusMonths(3).toInstant(),
                        seenAt.atOffset(ZoneOffset.UTC).plusMonths(6).toInstant()),
                due.stream().map(Instant::parse).toList());
        assertEquals(List.of("P14D", "P3M", "P6M"), encounter.getList("followUps.visit"));

        String id = encounter.getString("id");
        String row = (String) queryOne("SELECT CAST(row_to_json(e) AS text) FROM encounter e WHERE id = CAST(?1 AS uuid)", id);
        assertFalse(row.contains("bruising") || row.contains("Tashkentova"), "clinical notes in plain text: " + row);
        given().auth().oauth2(nurse()).get("/api/v1/encounters/" + id).then().statusCode(200)
                .body("notes", equalTo("bruising on left forearm, Tashkentova reports"));

        String followUp = encounter.getString("followUps[0].id");
        given().auth().oauth2(nurse()).header("If-Match", "\"5\"").post("/api/v1/follow-ups/" + followUp + "/complete")
                .then().statusCode(412);
        given().auth().oauth2(nurse()).header("If-Match", "\"0\"").post("/api/v1/follow-ups/" + followUp + "/complete")
                .then().statusCode(200).body("doneBy", equalTo("nurse.work"));
        given().auth().oauth2(nurse()).queryParam("caseId", request.caseId()).queryParam("open", true)
                .get("/api/v1/follow-ups").then().body("total", equalTo(2));
    }

    @Test
    void anEncounterOnACaseThisAgencyDoesNotHoldIsRefused() {
        given().auth().oauth2(nurse()).contentType(ContentType.JSON).body(Map.of("caseId", UUID.randomUUID()))
                .post("/api/v1/encounters").then().statusCode(404);
        ReferralRequested request = arrive(IncidentType.RAPE, Instant.now().minus(Duration.ofHours(5)));
        given().auth().oauth2(nurse()).contentType(ContentType.JSON)
                .body(Map.of("caseId", request.caseId(), "forensicEvidence", List.of("HAIR")))
                .post("/api/v1/encounters").then().statusCode(400);
    }

    @Test
    void theMedicalCertificateIsSharedWithPoliceOnlyWithConsent() {
        String withoutConsent = certificate(false);
        String withConsent = certificate(true);
        given().auth().oauth2(nurse()).get("/api/v1/certificates/" + withoutConsent).then().statusCode(200)
                .body("findings", equalTo("haematoma, consistent with the account"));
        given().auth().oauth2(police()).get("/api/v1/certificates/" + withoutConsent).then().statusCode(403);
        given().auth().oauth2(police()).get("/api/v1/certificates/" + withConsent).then().statusCode(200)
                .body("findings", equalTo("haematoma, consistent with the account")).body("policeConsent", equalTo(true));
        given().auth().oauth2(token("worker.social", "almaty-crisis-centre", "social", Roles.SOCIAL_WORKER))
                .get("/api/v1/certificates/" + withConsent).then().statusCode(403);
        given().auth().oauth2(token("nurse.other", "another-hospital", "health", Roles.HEALTH_WORKER))
                .get("/api/v1/certificates/" + withoutConsent).then().statusCode(404);
    }

    private static String certificate(boolean policeConsent) {
        ReferralRequested request = arrive(IncidentType.PHYSICAL_ASSAULT, Instant.now().minus(Duration.ofHours(5)));
        String encounter = given().auth().oauth2(nurse()).contentType(ContentType.JSON)
                .body(Map.of("caseId", request.caseId())).post("/api/v1/encounters")
                .then().statusCode(201).extract().path("id");
        return given().auth().oauth2(nurse()).contentType(ContentType.JSON)
                .body(Map.of("findings", "haematoma, consistent with the account", "policeConsent", policeConsent))
                .post("/api/v1/encounters/" + encounter + "/certificate").then().statusCode(201)
                .body("findings", nullValue()).extract().path("id");
    }
}
