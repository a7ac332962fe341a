package org.handoff.referral.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.events.Actor;
import org.handoff.events.CaseReported;
import org.handoff.events.CompletionOutcome;
import org.handoff.events.DeclineReason;
import org.handoff.events.EventTypes;
import org.handoff.events.HandoffEvent;
import org.handoff.events.ReferralAccepted;
import org.handoff.events.ReferralCompleted;
import org.handoff.events.ReferralDeclined;
import org.handoff.events.ReferralReceived;
import org.handoff.events.ReferralStarted;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;
import org.handoff.events.Topics;
import org.handoff.referral.MutableClock;
import org.handoff.referral.Referral;
import org.handoff.referral.TestCases;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.handoff.plumbing.testing.KafkaTestSupport.cloudEvent;
import static org.handoff.plumbing.testing.KafkaTestSupport.header;
import static org.handoff.plumbing.testing.KafkaTestSupport.readUntilAll;
import static org.handoff.plumbing.testing.KafkaTestSupport.send;
import static org.handoff.plumbing.testing.KafkaTestSupport.topic;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class StatusLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MutableClock clock;

    @Test
    void statusEventsDriveTheTimelineWithLatencyBetweenSteps() throws Exception {
        CaseReported report = TestCases.highRiskRape(clock.instant());
        TestCases.reportCase(report);
        Referral health = referralTo(report, Sector.HEALTH);
        Instant requested = health.requestedAt;
        List<HandoffEvent> steps = healthSteps(health, requested);
        steps.forEach(step -> TestCases.publish(step, report.caseId(), Topics.REFERRAL_STATUS));

        awaitState(health.id, ReferralState.COMPLETED);
        JsonPath timeline = given().auth().oauth2(TestCases.caseManager())
                .get("/api/v1/cases/" + report.caseId() + "/timeline").then().statusCode(200).extract().jsonPath();
        List<String> states = timeline.getList("findAll { it.referralId == '" + health.id + "' }.state");
        assertEquals(List.of("REQUESTED", "RECEIVED", "ACCEPTED", "IN_PROGRESS", "COMPLETED"), states);
        List<Object> latencies = timeline.getList("findAll { it.referralId == '" + health.id + "' }.latencyMillis");
        assertEquals(null, latencies.get(0));
        assertEquals(List.of(2_000L, 600_000L, 300_000L, 3_600_000L),
                latencies.subList(1, 5).stream().map(n -> ((Number) n).longValue()).toList());
        assertEquals(TestCases.HEALTH_AGENCY, timeline.getString("find { it.state == 'ACCEPTED' }.actorAgency"));
        assertEquals("worker.health", timeline.getString("find { it.state == 'ACCEPTED' }.actorUser"));

        List<ConsumerRecord<String, String>> lifecycle = readUntilAll(topic(Topics.lifecycle(report.originSector())),
                read -> changesOf(read, health.id).size() == 5);
        List<JsonNode> changes = changesOf(lifecycle, health.id);
        assertEquals(List.of("REQUESTED", "RECEIVED", "ACCEPTED", "IN_PROGRESS", "COMPLETED"),
                changes.stream().map(c -> c.get("toState").asText()).toList());
        assertEquals("SERVICES_PROVIDED", changes.get(4).get("outcome").asText());
        assertEquals(3_600_000L, changes.get(4).get("latencyMillis").asLong());
    }

    @Test
    void duplicatedAndReorderedStatusEventsLeaveTheSameFinalStateAndTimeline() throws Exception {
        CaseReported inOrder = TestCases.highRiskRape(clock.instant());
        CaseReported shuffled = TestCases.highRiskRape(clock.instant());
        TestCases.reportCase(inOrder);
        TestCases.reportCase(shuffled);
        Referral first = referralTo(inOrder, Sector.HEALTH);
        Referral second = referralTo(shuffled, Sector.HEALTH);

        healthSteps(first, first.requestedAt).forEach(step -> TestCases.publish(step, inOrder.caseId(), Topics.REFERRAL_STATUS));

        List<HandoffEvent> steps = healthSteps(second, second.requestedAt);
        String redeliveredId = UUID.randomUUID().toString();
        publishAs(steps.get(3), shuffled.caseId(), redeliveredId);              // completed first
        publishAs(steps.get(0), shuffled.caseId(), UUID.randomUUID().toString()); // then received
        publishAs(steps.get(3), shuffled.caseId(), redeliveredId);              // the broker redelivers completed
        publishAs(steps.get(1), shuffled.caseId(), UUID.randomUUID().toString()); // accepted, late
        publishAs(steps.get(0), shuffled.caseId(), UUID.randomUUID().toString()); // the recipient resends received
        publishAs(steps.get(2), shuffled.caseId(), UUID.randomUUID().toString()); // started, late
        // a marker on the same case (same partition, so processed after all of the above)
        Referral social = referralTo(shuffled, Sector.SOCIAL);
        TestCases.publish(new ReferralReceived(social.id, shuffled.caseId(), Sector.SOCIAL,
                Actor.system("social-service", TestCases.SOCIAL_AGENCY), clock.instant()), shuffled.caseId(), Topics.REFERRAL_STATUS);

        awaitState(first.id, ReferralState.COMPLETED);
        awaitState(social.id, ReferralState.RECEIVED);
        assertEquals(ReferralState.COMPLETED, state(second.id));
        assertEquals(timelineStates(inOrder.caseId(), first.id), timelineStates(shuffled.caseId(), second.id),
                "the same steps, in the order they happened, whatever order the news came in");
    }

    @Test
    void declineCarriesItsReasonAndClosesTheReferral() {
        CaseReported report = TestCases.highRiskRape(clock.instant());
        TestCases.reportCase(report);
        Referral social = referralTo(report, Sector.SOCIAL);
        Instant at = social.requestedAt.plusSeconds(30);
        TestCases.publish(new ReferralReceived(social.id, report.caseId(), Sector.SOCIAL,
                Actor.system("social-service", TestCases.SOCIAL_AGENCY), at), report.caseId(), Topics.REFERRAL_STATUS);
        TestCases.publish(new ReferralDeclined(social.id, report.caseId(), Sector.SOCIAL, TestCases.SOCIAL_WORKER,
                at.plusSeconds(60), DeclineReason.NO_CAPACITY, null), report.caseId(), Topics.REFERRAL_STATUS);

        awaitState(social.id, ReferralState.DECLINED);
        given().auth().oauth2(TestCases.policeOfficer(TestCases.POLICE_AGENCY))
                .get("/api/v1/referrals/" + social.id).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("DECLINED"))
                .body("declineReason", org.hamcrest.Matchers.equalTo("NO_CAPACITY"));
    }

    static List<HandoffEvent> healthSteps(Referral referral, Instant requested) {
        Actor system = Actor.system("health-service", TestCases.HEALTH_AGENCY);
        Instant received = requested.plusSeconds(2);
        Instant accepted = received.plus(Duration.ofMinutes(10));
        Instant started = accepted.plus(Duration.ofMinutes(5));
        Instant completed = started.plus(Duration.ofHours(1));
        return List.of(
                new ReferralReceived(referral.id, referral.caseId, Sector.HEALTH, system, received),
                new ReferralAccepted(referral.id, referral.caseId, Sector.HEALTH, TestCases.HEALTH_WORKER, accepted),
                new ReferralStarted(referral.id, referral.caseId, Sector.HEALTH, TestCases.HEALTH_WORKER, started),
                new ReferralCompleted(referral.id, referral.caseId, Sector.HEALTH, TestCases.HEALTH_WORKER, completed,
                        CompletionOutcome.SERVICES_PROVIDED, Set.of(ServiceType.MEDICAL_CARE)));
    }

    private static void publishAs(HandoffEvent event, UUID caseId, String eventId) {
        send(cloudEvent(topic(Topics.REFERRAL_STATUS), caseId.toString(), eventId, EventTypes.typeOf(event),
                org.handoff.events.EventJson.toJson(event)));
    }

    private static Referral referralTo(CaseReported report, Sector sector) {
        TestCases.awaitReferrals(report.caseId(), 2);
        return TestCases.referralTo(report.caseId(), sector);
    }

    static void awaitState(UUID referralId, ReferralState expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> state(referralId) == expected);
    }

    static ReferralState state(UUID referralId) {
        return org.handoff.plumbing.testing.OnVertx.await(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(
                () -> Referral.<Referral>findById(referralId))).state;
    }

    private static List<String> timelineStates(UUID caseId, UUID referralId) {
        return given().auth().oauth2(TestCases.caseManager()).get("/api/v1/cases/" + caseId + "/timeline")
                .then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.referralId == '" + referralId + "' }.state");
    }

    private static List<JsonNode> changesOf(List<ConsumerRecord<String, String>> records, UUID referralId) {
        return records.stream()
                .filter(r -> EventTypes.REFERRAL_LIFECYCLE_CHANGED.equals(header(r, "ce_type")))
                .map(r -> read(r.value()))
                .filter(node -> referralId.toString().equals(node.get("referralId").asText()))
                .toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
