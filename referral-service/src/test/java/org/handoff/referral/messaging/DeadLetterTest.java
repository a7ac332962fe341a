package org.handoff.referral.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.events.Actor;
import org.handoff.events.CaseReported;
import org.handoff.events.DeclineReason;
import org.handoff.events.EventTypes;
import org.handoff.events.ReferralAccepted;
import org.handoff.events.ReferralDeclined;
import org.handoff.events.ReferralReceived;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;
import org.handoff.events.Topics;
import org.handoff.referral.MutableClock;
import org.handoff.referral.Referral;
import org.handoff.referral.TestCases;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.handoff.plumbing.testing.KafkaTestSupport.cloudEvent;
import static org.handoff.plumbing.testing.KafkaTestSupport.header;
import static org.handoff.plumbing.testing.KafkaTestSupport.readUntil;
import static org.handoff.plumbing.testing.KafkaTestSupport.send;
import static org.handoff.plumbing.testing.KafkaTestSupport.topic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DeadLetterTest {

    @Inject
    MutableClock clock;

    @Test
    void anUnreadableReportGoesToTheDeadLetterTopicAndLaterReportsStillOpenCases() {
        String brokenId = UUID.randomUUID().toString();
        UUID caseId = UUID.randomUUID();
        send(cloudEvent(topic(Topics.CASE_REPORTED), caseId.toString(), brokenId, EventTypes.CASE_REPORTED,
                "{\"caseId\":\"" + caseId + "\",\"survivor\":{\"ref\":\"S-1\"}}"));
        CaseReported good = TestCases.highRiskRape(clock.instant());
        TestCases.reportCase(good);

        ConsumerRecord<String, String> dead = deadLetter(Topics.CASE_REPORTED, brokenId);
        assertTrue(header(dead, "dead-letter-reason").contains("CaseReported"), header(dead, "dead-letter-reason"));
        assertEquals(2, TestCases.awaitReferrals(good.caseId(), 2).size());
        assertEquals(0, TestCases.referrals(caseId).size());
    }

    @Test
    void statusFromTheWrongPartyOrForAnUnknownReferralIsDeadLettered() {
        CaseReported report = TestCases.highRiskRape(clock.instant());
        TestCases.reportCase(report);
        Referral health = TestCases.awaitReferrals(report.caseId(), 2).stream()
                .filter(r -> r.recipientSector == Sector.HEALTH).findFirst().orElseThrow();

        String wrongSector = publish(new ReferralAccepted(health.id, report.caseId(), Sector.SOCIAL, TestCases.SOCIAL_WORKER,
                clock.instant()), report.caseId());
        String wrongAgency = publish(new ReferralAccepted(health.id, report.caseId(), Sector.HEALTH,
                new Actor("worker.health", "health-worker", "another-hospital"), clock.instant()), report.caseId());
        String unknown = publish(new ReferralReceived(UUID.randomUUID(), report.caseId(), Sector.HEALTH,
                Actor.system("health-service", TestCases.HEALTH_AGENCY), clock.instant()), report.caseId());

        assertTrue(header(deadLetter(Topics.REFERRAL_STATUS, wrongSector), "dead-letter-reason").contains("SOCIAL"));
        assertTrue(header(deadLetter(Topics.REFERRAL_STATUS, wrongAgency), "dead-letter-reason").contains("another-hospital"));
        assertTrue(header(deadLetter(Topics.REFERRAL_STATUS, unknown), "dead-letter-reason").contains("no referral"));
        assertEquals(ReferralState.REQUESTED, StatusLifecycleTest.state(health.id));
    }

    @Test
    void decliningAnAcceptedReferralIsRefusedAndTheAcceptanceStands() {
        CaseReported report = TestCases.highRiskRape(clock.instant());
        TestCases.reportCase(report);
        Referral health = TestCases.awaitReferrals(report.caseId(), 2).stream()
                .filter(r -> r.recipientSector == Sector.HEALTH).findFirst().orElseThrow();
        publish(new ReferralAccepted(health.id, report.caseId(), Sector.HEALTH, TestCases.HEALTH_WORKER, clock.instant()),
                report.caseId());
        String decline = publish(new ReferralDeclined(health.id, report.caseId(), Sector.HEALTH, TestCases.HEALTH_WORKER,
                clock.instant().plusSeconds(5), DeclineReason.NO_CAPACITY, null), report.caseId());

        assertTrue(header(deadLetter(Topics.REFERRAL_STATUS, decline), "dead-letter-reason").contains("ACCEPTED -> DECLINED"));
        assertEquals(ReferralState.ACCEPTED, StatusLifecycleTest.state(health.id));
    }

    private static String publish(org.handoff.events.HandoffEvent event, UUID caseId) {
        String id = UUID.randomUUID().toString();
        send(cloudEvent(topic(Topics.REFERRAL_STATUS), caseId.toString(), id, EventTypes.typeOf(event),
                org.handoff.events.EventJson.toJson(event)));
        return id;
    }

    private static ConsumerRecord<String, String> deadLetter(String topic, String eventId) {
        return readUntil(topic(Topics.dlq(topic)), r -> eventId.equals(header(r, "ce_id"))).stream()
                .filter(r -> eventId.equals(header(r, "ce_id"))).findFirst().orElseThrow();
    }
}
