package org.handoff.referral.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.events.CaseReported;
import org.handoff.events.DataCategory;
import org.handoff.events.EventTypes;
import org.handoff.events.IncidentType;
import org.handoff.events.Sector;
import org.handoff.events.Topics;
import org.handoff.referral.MutableClock;
import org.handoff.referral.Referral;
import org.handoff.referral.TestCases;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.handoff.plumbing.testing.KafkaTestSupport.header;
import static org.handoff.plumbing.testing.KafkaTestSupport.readUntil;
import static org.handoff.plumbing.testing.KafkaTestSupport.topic;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseApiTest {

    @Inject
    MutableClock clock;

    @Test
    void eachRoleSeesOnlyWhatItNeeds() {
        CaseReported report = reported();
        String path = "/api/v1/cases/" + report.caseId();

        given().get(path).then().statusCode(401);
        given().auth().oauth2(TestCases.admin()).get(path).then().statusCode(403);
        given().auth().oauth2(TestCases.caseManager()).get(path).then().statusCode(200)
                .body("referrals", hasSize(2))
                .body("survivorRef", equalTo(report.survivor().ref()))
                .body("routingDecisions", hasSize(2));
        given().auth().oauth2(TestCases.healthWorker()).get(path).then().statusCode(200)
                .body("referrals.recipientSector", containsInAnyOrder("HEALTH"))
                .body("survivorRef", nullValue())
                .body("riskBasis", nullValue())
                .body("routingDecisions", nullValue());
        given().auth().oauth2(TestCases.policeOfficer(TestCases.POLICE_AGENCY)).get(path).then().statusCode(200)
                .body("referrals", hasSize(2))
                .body("riskBasis", notNullValue());
        given().auth().oauth2(TestCases.policeOfficer("shymkent-police-dept-2")).get(path).then().statusCode(403);
    }

    /** No professional judgement on these reports: the checklist and the rule file's thresholds alone decide. */
    @Test
    void theChecklistAloneSetsTheRiskAtTheRuleFilesThresholds() {
        String manager = TestCases.caseManager();
        CaseReported high = reported();   // 16 of 24 yes; the rule file says HIGH from 14
        given().auth().oauth2(manager).get("/api/v1/cases/" + high.caseId()).then().statusCode(200)
                .body("riskLevel", equalTo("HIGH"))
                .body("riskBasis", equalTo("16 of 24 checklist items yes: HIGH"))
                // rule high-risk-social: the shelter request becomes URGENT, not ROUTINE
                .body("referrals.find { it.recipientSector == 'SOCIAL' }.priority", equalTo("URGENT"));
        for (int[] yesAndLevel : new int[][]{{13, 1}, {10, 1}, {9, 0}}) {
            CaseReported report = TestCases.report(clock.instant(), org.handoff.events.IncidentType.RAPE,
                    java.time.Duration.ofHours(6), yesAndLevel[0], false, high.servicesRequested(), high.consents(), List.of(),
                    "+7 701 555 0102");
            TestCases.reportCase(report);
            TestCases.awaitReferrals(report.caseId(), 2);
            String level = yesAndLevel[1] == 1 ? "MEDIUM" : "STANDARD";
            given().auth().oauth2(manager).get("/api/v1/cases/" + report.caseId()).then().statusCode(200)
                    .body("riskLevel", equalTo(level))
                    .body("riskBasis", equalTo(yesAndLevel[0] + " of 24 checklist items yes: " + level))
                    .body("referrals.find { it.recipientSector == 'SOCIAL' }.priority", equalTo("ROUTINE"));
        }
    }

    @Test
    void referralListIsFilteredToTheCallersAgencyAndPaginated() {
        reported();   // one health and one social referral, at least
        int healthSees = given().auth().oauth2(TestCases.healthWorker()).queryParam("size", 100)
                .get("/api/v1/referrals").then().statusCode(200)
                .body("items", not(empty()))
                .body("items.recipientAgency", everyItem(equalTo(TestCases.HEALTH_AGENCY)))
                .extract().path("total");
        int adminSees = given().auth().oauth2(TestCases.admin()).queryParam("sector", "SOCIAL").queryParam("size", 1)
                .get("/api/v1/referrals").then().statusCode(200)
                .body("items", hasSize(1))
                .body("size", equalTo(1))
                .body("items[0].recipientSector", equalTo("SOCIAL"))
                .extract().path("total");
        assertTrue(adminSees >= 1, "the social referral exists");
        int everything = given().auth().oauth2(TestCases.admin()).queryParam("size", 1).get("/api/v1/referrals")
                .then().statusCode(200).extract().path("total");
        assertTrue(everything >= healthSees + adminSees, "the health worker's list leaves out the other sectors' referrals: "
                + healthSees + " of " + everything);
        given().auth().oauth2(TestCases.admin()).queryParam("size", 1000).get("/api/v1/referrals")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndWritesNothing() {
        CaseReported report = reported();
        given().auth().oauth2(TestCases.caseManager()).contentType(ContentType.JSON)
                .body("{\"sector\":\"ALIENS\",\"priority\":\"URGENT\"}")
                .post("/api/v1/cases/" + report.caseId() + "/referrals")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestCases.caseManager()).contentType(ContentType.JSON)
                .body("{\"sector\":\"POLICE\",\"legalOverride\":{\"basis\":\"IMMINENT_DANGER_TO_LIFE\",\"reason\":\"\"}}")
                .post("/api/v1/cases/" + report.caseId() + "/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("priority", "legalOverride.reason"));
        given().auth().oauth2(TestCases.caseManager()).contentType(ContentType.JSON)
                .body("{\"reason\":\"BECAUSE\"}")
                .post("/api/v1/referrals/" + TestCases.referrals(report.caseId()).get(0).id + "/cancellation")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(2, TestCases.referrals(report.caseId()).size());
        assertTrue(TestCases.referrals(report.caseId()).stream().noneMatch(r -> r.state.isTerminal()));
    }

    @Test
    void aReferralBackToTheReportingSectorIsRefused() {
        CaseReported report = reported();
        String body = "{\"sector\":\"POLICE\",\"priority\":\"URGENT\",\"services\":[\"PROTECTION_ORDER\"],"
                + "\"legalOverride\":{\"basis\":\"IMMINENT_DANGER_TO_LIFE\",\"reason\":\"Perpetrator threatened to kill her tonight\"}}";
        given().auth().oauth2(TestCases.caseManager()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/cases/" + report.caseId() + "/referrals")
                .then().statusCode(409).body("type", equalTo("urn:handoff:problem:conflict"));
    }

    @Test
    void withoutConsentOrOverrideNoReferralIsAdded() {
        CaseReported report = TestCases.report(clock.instant(), IncidentType.PHYSICAL_ASSAULT, Duration.ofHours(2), 3, false,
                Set.of(), List.of(TestCases.consent(Sector.HEALTH, clock.instant(), DataCategory.INCIDENT)), List.of(),
                "+7 701 555 0909");
        TestCases.reportCase(report);
        TestCases.awaitReferrals(report.caseId(), 1);
        given().auth().oauth2(TestCases.caseManager()).contentType(ContentType.JSON)
                .body("{\"sector\":\"SOCIAL\",\"priority\":\"ROUTINE\",\"services\":[\"LEGAL_AID\"]}")
                .post("/api/v1/cases/" + report.caseId() + "/referrals")
                .then().statusCode(409).body("type", equalTo("urn:handoff:problem:consent-required"));

        String key = UUID.randomUUID().toString();
        String withOverride = "{\"sector\":\"SOCIAL\",\"priority\":\"URGENT\",\"services\":[\"SHELTER\"],"
                + "\"legalOverride\":{\"basis\":\"IMMINENT_DANGER_TO_LIFE\",\"reason\":\"Needs a shelter place tonight\"}}";
        String first = given().auth().oauth2(TestCases.caseManager()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(withOverride)
                .post("/api/v1/cases/" + report.caseId() + "/referrals")
                .then().statusCode(201).body("legalOverride", equalTo("IMMINENT_DANGER_TO_LIFE"))
                .extract().path("id");
        given().auth().oauth2(TestCases.caseManager()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(withOverride)
                .post("/api/v1/cases/" + report.caseId() + "/referrals")
                .then().statusCode(201).body("id", equalTo(first));
        assertEquals(2, TestCases.referrals(report.caseId()).size(), "a retried POST creates one referral");
        given().auth().oauth2(TestCases.caseManager()).get("/api/v1/cases/" + report.caseId())
                .then().body("routingDecisions.find { it.decision == 'SENT_UNDER_LEGAL_OVERRIDE' }.overrideReason",
                        equalTo("Needs a shelter place tonight"));
    }

    @Test
    void withdrawingConsentCancelsTheReferralAndTellsTheRecipient() {
        CaseReported report = reported();
        Referral social = TestCases.referralTo(report.caseId(), Sector.SOCIAL);
        given().auth().oauth2(TestCases.caseManager()).contentType(ContentType.JSON)
                .body("{\"sectors\":[\"SOCIAL\"],\"dataCategories\":[\"CONTACT\",\"INCIDENT\",\"RISK_ASSESSMENT\"]}")
                .post("/api/v1/cases/" + report.caseId() + "/consent-withdrawals")
                .then().statusCode(200).body("affectedReferrals", containsInAnyOrder(social.id.toString()));

        given().auth().oauth2(TestCases.caseManager()).get("/api/v1/referrals/" + social.id)
                .then().body("state", equalTo("CANCELLED")).body("cancellationReason", equalTo("CONSENT_WITHDRAWN"));
        ConsumerRecord<String, String> told = readUntil(topic(Topics.SOCIAL_INBOX), r -> TestCases.isCase(r, report.caseId())
                && EventTypes.CONSENT_WITHDRAWN.equals(header(r, "ce_type")))
                .stream().filter(r -> EventTypes.CONSENT_WITHDRAWN.equals(header(r, "ce_type")) && TestCases.isCase(r, report.caseId()))
                .findFirst().orElseThrow();
        assertTrue(told.value().contains(social.id.toString()));

        given().auth().oauth2(TestCases.caseManager()).contentType(ContentType.JSON)
                .body("{\"sector\":\"SOCIAL\",\"priority\":\"ROUTINE\"}")
                .post("/api/v1/cases/" + report.caseId() + "/referrals")
                .then().statusCode(409).body("type", equalTo("urn:handoff:problem:consent-required"));
    }

    @Test
    void theReferrerCancelsAndTheRecipientIsTold() {
        CaseReported report = reported();
        Referral health = TestCases.referralTo(report.caseId(), Sector.HEALTH);
        given().auth().oauth2(TestCases.healthWorker()).contentType(ContentType.JSON)
                .body("{\"reason\":\"REFERRER_WITHDREW\"}")
                .post("/api/v1/referrals/" + health.id + "/cancellation")
                .then().statusCode(403);
        given().auth().oauth2(TestCases.policeOfficer(TestCases.POLICE_AGENCY)).contentType(ContentType.JSON)
                .body("{\"reason\":\"REFERRER_WITHDREW\"}")
                .post("/api/v1/referrals/" + health.id + "/cancellation")
                .then().statusCode(200).body("state", equalTo("CANCELLED"));
        readUntil(topic(Topics.HEALTH_INBOX), r -> TestCases.isCase(r, report.caseId())
                && EventTypes.REFERRAL_CANCELLED.equals(header(r, "ce_type")));
        given().auth().oauth2(TestCases.policeOfficer(TestCases.POLICE_AGENCY)).contentType(ContentType.JSON)
                .body("{\"reason\":\"REFERRER_WITHDREW\"}")
                .post("/api/v1/referrals/" + health.id + "/cancellation")
                .then().statusCode(200).body("state", equalTo("CANCELLED"));
    }

    @Test
    void everyReadAndWriteOfTheCaseIsInTheAuditChain() {
        CaseReported report = reported();
        given().auth().oauth2(TestCases.healthWorker()).get("/api/v1/cases/" + report.caseId()).then().statusCode(200);
        given().auth().oauth2(TestCases.caseManager()).get("/api/v1/cases/" + report.caseId() + "/timeline").then().statusCode(200);

        List<String> trail = org.handoff.plumbing.testing.OnVertx.await(() -> io.quarkus.hibernate.reactive.panache.Panache
                .withSession(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> session
                        .createNativeQuery("SELECT action || ' ' || actor_user || ' ' || actor_agency FROM audit_entry"
                                + " WHERE target_id = :id ORDER BY seq", String.class)
                        .setParameter("id", report.caseId().toString()).getResultList())));
        assertEquals(List.of("case.open officer.police " + TestCases.POLICE_AGENCY,
                "case.read worker.health " + TestCases.HEALTH_AGENCY,
                "case.timeline.read manager.case almaty-coordination"), trail);
        given().auth().oauth2(TestCases.admin()).get("/api/v1/admin/audit/verification")
                .then().statusCode(200).body("intact", equalTo(true));
    }

    private CaseReported reported() {
        CaseReported report = TestCases.highRiskRape(clock.instant());
        TestCases.reportCase(report);
        TestCases.awaitReferrals(report.caseId(), 2);
        return report;
    }
}
