package org.handoff.referral.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.events.CaseReported;
import org.handoff.events.EventTypes;
import org.handoff.events.Priority;
import org.handoff.events.Sector;
import org.handoff.events.Topics;
import org.handoff.referral.MutableClock;
import org.handoff.referral.Referral;
import org.handoff.referral.TestCases;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.handoff.plumbing.testing.KafkaTestSupport.header;
import static org.handoff.plumbing.testing.KafkaTestSupport.readUntil;
import static org.handoff.plumbing.testing.KafkaTestSupport.topic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MutableClock clock;

    @Test
    void highRiskRapeReportedToPoliceReachesHealthAndSocialWithTheirOwnMinimalViews() throws Exception {
        CaseReported report = TestCases.highRiskRape(clock.instant());
        TestCases.reportCase(report);

        List<Referral> referrals = TestCases.awaitReferrals(report.caseId(), 2);
        assertEquals(Set.of(Sector.HEALTH, Sector.SOCIAL), referrals.stream().map(r -> r.recipientSector).collect(Collectors.toSet()),
                "no referral back to police, who took the report");

        ConsumerRecord<String, String> health = readUntil(topic(Topics.HEALTH_INBOX), r -> TestCases.isCase(r, report.caseId()))
                .stream().filter(r -> TestCases.isCase(r, report.caseId())).findFirst().orElseThrow();
        assertEquals(EventTypes.REFERRAL_REQUESTED, header(health, "ce_type"));
        assertEquals(report.caseId().toString(), header(health, "ce_subject"));
        JsonNode healthEvent = JSON.readTree(health.value());
        assertEquals("EMERGENCY", healthEvent.get("priority").asText());
        assertEquals(TestCases.HEALTH_AGENCY, healthEvent.get("recipientAgency").asText());
        Instant requested = Instant.parse(healthEvent.get("occurredAt").asText());
        assertEquals(requested.plus(Duration.ofMinutes(5)), Instant.parse(healthEvent.at("/deadlines/receiptDue").asText()));
        assertEquals(requested.plus(Duration.ofMinutes(30)), Instant.parse(healthEvent.at("/deadlines/acceptanceDue").asText()));
        assertEquals(3, healthEvent.at("/health/clinicalWindows").size(), "PEP, emergency contraception, forensic exam");
        assertTrue(healthEvent.at("/health/servicesRequested").toString().contains("POST_EXPOSURE_PROPHYLAXIS"));
        assertNull(healthEvent.get("police"));
        assertNull(healthEvent.get("social"));

        ConsumerRecord<String, String> social = readUntil(topic(Topics.SOCIAL_INBOX), r -> TestCases.isCase(r, report.caseId()))
                .stream().filter(r -> TestCases.isCase(r, report.caseId())).findFirst().orElseThrow();
        JsonNode socialEvent = JSON.readTree(social.value());
        assertEquals("URGENT", socialEvent.get("priority").asText());
        assertEquals("HIGH", socialEvent.at("/social/riskLevel").asText());
        assertTrue(socialEvent.at("/social/riskFactors").size() > 0, "social was given the risk assessment");
        assertTrue(socialEvent.at("/social/servicesRequested").toString().contains("SHELTER"));
        assertNull(socialEvent.get("health"));

        for (JsonNode event : List.of(healthEvent, socialEvent)) {
            String text = event.toString();
            assertFalse(text.contains(report.survivor().matchKeys().get(0).hash()), "no identifier hash on an inbox event");
            assertFalse(text.contains("matchKeys"));
            assertFalse(text.contains("answers"), "no raw checklist answers");
            assertEquals(report.survivor().ref(), event.at("/survivor/ref").asText());
        }
        assertEquals("PHONE_CALL", healthEvent.at("/survivor/safeContact/method").asText());
    }

    @Test
    void withoutContactConsentTheRecipientMustGoThroughTheReferrer() throws Exception {
        Instant now = clock.instant();
        CaseReported report = TestCases.report(now, org.handoff.events.IncidentType.PHYSICAL_ASSAULT, Duration.ofHours(2),
                3, false, Set.of(), List.of(TestCases.consent(Sector.HEALTH, now, org.handoff.events.DataCategory.INCIDENT)),
                List.of(), "+7 701 555 0202");
        TestCases.reportCase(report);

        Referral referral = TestCases.awaitReferrals(report.caseId(), 1).get(0);
        assertEquals(Priority.URGENT, referral.priority);
        ConsumerRecord<String, String> health = readUntil(topic(Topics.HEALTH_INBOX), r -> TestCases.isCase(r, report.caseId()))
                .stream().filter(r -> TestCases.isCase(r, report.caseId())).findFirst().orElseThrow();
        JsonNode event = JSON.readTree(health.value());
        assertEquals("VIA_REFERRER", event.at("/survivor/safeContact/method").asText());
        assertTrue(event.at("/health/pregnancyReported").isMissingNode(), "health data was not consented");
    }

    @Test
    void childSurvivorIsReferredToChildProtectionUnderTheRecordedStatutoryBasis() {
        Instant now = clock.instant();
        CaseReported report = TestCases.report(now, org.handoff.events.IncidentType.PHYSICAL_ASSAULT, Duration.ofDays(3),
                2, true, Set.of(), List.of(), List.of(), "+7 701 555 0303");
        TestCases.reportCase(report);

        Referral social = TestCases.awaitReferrals(report.caseId(), 1).get(0);
        assertEquals(Sector.SOCIAL, social.recipientSector);
        assertEquals(org.handoff.events.LegalOverride.CHILD_SURVIVOR, social.legalOverride);
        given().auth().oauth2(TestCases.caseManager()).get("/api/v1/cases/" + report.caseId())
                .then().statusCode(200)
                .body("routingDecisions.find { it.sector == 'SOCIAL' }.decision", org.hamcrest.Matchers.equalTo("SENT_UNDER_LEGAL_OVERRIDE"))
                .body("routingDecisions.find { it.sector == 'SOCIAL' }.overrideReason", org.hamcrest.Matchers.containsString("under 18"))
                .body("routingDecisions.find { it.sector == 'HEALTH' }.decision", org.hamcrest.Matchers.equalTo("WITHHELD_NO_CONSENT"));
    }

    @Test
    void aRepeatSurvivorIsLinkedToHerEarlierCaseThroughTheMatchKeyOnly() {
        Instant now = clock.instant();
        String digits = String.valueOf(1_000_000 + new java.util.Random().nextInt(8_999_999));
        CaseReported first = TestCases.report(now, org.handoff.events.IncidentType.PSYCHOLOGICAL_ABUSE, Duration.ofDays(20),
                2, false, Set.of(), List.of(), List.of(), "+7 701 " + digits);
        CaseReported second = TestCases.report(now, org.handoff.events.IncidentType.PHYSICAL_ASSAULT, Duration.ofHours(3),
                2, false, Set.of(), List.of(TestCases.consent(Sector.HEALTH, now, org.handoff.events.DataCategory.INCIDENT)),
                List.of(), "+7 (701) " + digits.substring(0, 3) + "-" + digits.substring(3));
        TestCases.reportCase(first);
        TestCases.reportCase(second);
        TestCases.awaitReferrals(second.caseId(), 1);

        // the two reports travel on different partitions: wait until both are registered
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(TestCases.caseManager()).get("/api/v1/cases/" + second.caseId())
                        .then().statusCode(200)
                        .body("linkedCases", org.hamcrest.Matchers.contains(first.caseId().toString())));
    }
}
