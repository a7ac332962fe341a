package org.handoff.notification.service;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.events.Actor;
import org.handoff.events.DeadlineKind;
import org.handoff.events.NotificationReason;
import org.handoff.events.Priority;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.events.ReferralState;
import org.handoff.notification.Escalation;
import org.handoff.notification.Notification;
import org.handoff.notification.support.ChannelServers;
import org.handoff.notification.support.TestClockProducer;
import org.handoff.plumbing.security.Roles;
import org.handoff.plumbing.testing.OnVertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.handoff.notification.support.Fixtures.ACKNOWLEDGED;
import static org.handoff.notification.support.Fixtures.ESCALATED;
import static org.handoff.notification.support.Fixtures.awaitNotifications;
import static org.handoff.notification.support.Fixtures.count;
import static org.handoff.notification.support.Fixtures.escalation;
import static org.handoff.notification.support.Fixtures.moved;
import static org.handoff.notification.support.Fixtures.notificationEvents;
import static org.handoff.notification.support.Fixtures.notifications;
import static org.handoff.notification.support.Fixtures.officer;
import static org.handoff.notification.support.Fixtures.overdue;
import static org.handoff.notification.support.Fixtures.person;
import static org.handoff.notification.support.Fixtures.publish;
import static org.handoff.notification.support.Fixtures.requested;
import static org.handoff.notification.support.Fixtures.roster;
import static org.handoff.notification.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An overdue referral walks duty officer → supervisor → coordinator, one level per missed
 * acknowledgement, and stops at the level that acknowledges. Time moves by the test clock; the
 * escalation pass is called directly, as the scheduler would call it.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ChannelServers.class)
class EscalationTest {

    /** URGENT: each level has 15 minutes to acknowledge. */
    private static final Duration ACK_TIMEOUT = Duration.ofMinutes(15);

    @Inject
    EscalationClock escalationClock;

    private String agency;
    private String duty;
    private String supervisor;
    private String coordinator;

    private ReferralLifecycleChanged overdueReferral() {
        agency = unique("kg-crisis-centre");
        duty = unique("duty");
        supervisor = unique("supervisor");
        coordinator = unique("coordinator");
        person(duty, agency, "en", duty + "@centre.example", null);
        person(supervisor, agency, "ru", supervisor + "@centre.example", null);
        person(coordinator, agency, "en", coordinator + "@centre.example", null);
        roster(agency, "Asia/Bishkek", null, duty, supervisor, coordinator);

        ReferralLifecycleChanged referral = requested(UUID.randomUUID(), UUID.randomUUID(), agency, "officer.police",
                "kg-police-2", Priority.URGENT);
        publish(referral);
        awaitNotifications(referral.referralId(), list -> list.size() == 1);
        publish(referral.referringSector(), overdue(referral, DeadlineKind.ACCEPTANCE, 1));
        awaitNotifications(referral.referralId(), list -> list.size() == 2);
        return referral;
    }

    private static List<Notification> to(UUID referralId, String user) {
        return notifications(referralId).stream().filter(n -> n.recipientUserId.equals(user)).toList();
    }

    private void escalate() {
        OnVertx.await(() -> escalationClock.escalate());
    }

    @Test
    void escalatesOneLevelPerMissedAcknowledgementAndStopsWhereSomeoneAcknowledges() {
        ReferralLifecycleChanged referral = overdueReferral();
        UUID referralId = referral.referralId();
        Notification overdue = to(referralId, duty).get(1);
        assertEquals(NotificationReason.REFERRAL_OVERDUE, overdue.reason);
        assertEquals(1, escalation(referralId, DeadlineKind.ACCEPTANCE).level);

        // within the duty officer's time nothing moves
        TestClockProducer.CLOCK.advance(ACK_TIMEOUT.minusMinutes(1));
        escalate();
        assertTrue(to(referralId, supervisor).isEmpty());

        // the duty officer did not acknowledge: the supervisor is notified, in their language
        TestClockProducer.CLOCK.advance(Duration.ofMinutes(2));
        escalate();
        List<Notification> toSupervisor = to(referralId, supervisor);
        assertEquals(1, toSupervisor.size());
        Notification escalated = toSupervisor.get(0);
        assertEquals(NotificationReason.ESCALATION, escalated.reason);
        assertEquals(2, escalated.escalationLevel);
        assertEquals(Roles.SUPERVISOR, escalated.recipientRole);
        assertTrue(escalated.subject.contains("ЭСКАЛАЦИЯ"), escalated.subject);
        List<ConsumerRecord<String, String>> events = notificationEvents(records -> count(records, overdue.id, ESCALATED, null) == 1);
        ConsumerRecord<String, String> record = events.stream()
                .filter(r -> r.value().contains(overdue.id.toString()) && ESCALATED.equals(org.handoff.notification.support.Fixtures.type(r)))
                .findFirst().orElseThrow();
        assertTrue(record.value().contains("\"fromLevel\":1") && record.value().contains("\"toLevel\":2"), record.value());
        assertTrue(record.value().contains(supervisor), record.value());

        // the supervisor acknowledges over the API
        given().auth().oauth2(officer(supervisor, agency, Roles.SUPERVISOR)).contentType(ContentType.JSON)
                .post("/api/v1/notifications/{id}/acknowledge", escalated.id)
                .then().statusCode(200).body("acknowledgedBy", org.hamcrest.Matchers.equalTo(supervisor));
        notificationEvents(records -> count(records, escalated.id, ACKNOWLEDGED, null) == 1);

        // time passes: the coordinator is never bothered
        TestClockProducer.CLOCK.advance(ACK_TIMEOUT.multipliedBy(3));
        escalate();
        assertTrue(to(referralId, coordinator).isEmpty(), "stops at the level that acknowledged");
        Escalation e = escalation(referralId, DeadlineKind.ACCEPTANCE);
        assertEquals(Escalation.State.ACKNOWLEDGED, e.state);
        assertEquals(2, e.acknowledgedLevel);
        assertEquals(supervisor, e.acknowledgedBy);
        assertNull(e.nextEscalationAt);
    }

    @Test
    void nobodyAcknowledgesSoItReachesTheCoordinatorAndThenRunsOutOfLevels() {
        UUID referralId = overdueReferral().referralId();

        TestClockProducer.CLOCK.advance(ACK_TIMEOUT.plusSeconds(1));
        escalate();
        TestClockProducer.CLOCK.advance(ACK_TIMEOUT.plusSeconds(1));
        escalate();
        assertEquals(1, to(referralId, supervisor).size());
        Notification toCoordinator = to(referralId, coordinator).get(0);
        assertEquals(3, toCoordinator.escalationLevel);
        assertEquals("coordinator", toCoordinator.recipientRole);

        TestClockProducer.CLOCK.advance(ACK_TIMEOUT.plusSeconds(1));
        escalate();
        assertEquals(Escalation.State.EXHAUSTED, escalation(referralId, DeadlineKind.ACCEPTANCE).state);
        assertEquals(1, to(referralId, coordinator).size(), "nobody above the coordinator: nothing more is sent");
    }

    @Test
    void theOneTimeLinkAcknowledgesAtTheFirstLevelAndIsThenSpent() {
        UUID referralId = overdueReferral().referralId();
        Notification overdue = to(referralId, duty).get(1);

        // opening the link (a mail scanner would) acknowledges nothing
        given().get("/api/v1/acknowledgements/{token}", overdue.ackToken).then().statusCode(200)
                .contentType(ContentType.HTML);
        assertNull(escalation(referralId, DeadlineKind.ACCEPTANCE).acknowledgedBy);

        given().post("/api/v1/acknowledgements/{token}", overdue.ackToken).then().statusCode(200);
        given().post("/api/v1/acknowledgements/{token}", overdue.ackToken).then().statusCode(410);

        TestClockProducer.CLOCK.advance(ACK_TIMEOUT.multipliedBy(2));
        escalate();
        assertTrue(to(referralId, supervisor).isEmpty());
        Escalation e = escalation(referralId, DeadlineKind.ACCEPTANCE);
        assertEquals(Escalation.State.ACKNOWLEDGED, e.state);
        assertEquals(1, e.acknowledgedLevel);
        assertEquals(duty, e.acknowledgedBy);
    }

    /** An old mail's link (forwarded, found later) acknowledges nothing: 410, and the escalation goes on. */
    @Test
    void anExpiredLinkIsRefusedAndAcknowledgesNothing() {
        UUID referralId = overdueReferral().referralId();
        Notification overdue = to(referralId, duty).get(1);

        TestClockProducer.CLOCK.advance(Duration.ofHours(1).plusSeconds(1));   // %test: links work for PT1H
        given().get("/api/v1/acknowledgements/{token}", overdue.ackToken).then().statusCode(410)
                .contentType(ContentType.HTML).body(org.hamcrest.Matchers.containsString("expired"));
        given().post("/api/v1/acknowledgements/{token}", overdue.ackToken).then().statusCode(410);
        assertNull(escalation(referralId, DeadlineKind.ACCEPTANCE).acknowledgedBy);
        assertNull(to(referralId, duty).get(1).acknowledgedAt, "the notification is still unacknowledged");
    }

    @Test
    void acceptingTheReferralEndsTheEscalation() {
        ReferralLifecycleChanged referral = overdueReferral();
        ReferralLifecycleChanged received = moved(referral, ReferralState.RECEIVED, Actor.system("health-service", agency));
        publish(received);
        publish(moved(received, ReferralState.ACCEPTED, new Actor(duty, Roles.HEALTH_WORKER, agency)));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                escalation(referral.referralId(), DeadlineKind.ACCEPTANCE).state == Escalation.State.RESOLVED);

        TestClockProducer.CLOCK.advance(ACK_TIMEOUT.multipliedBy(2));
        escalate();
        assertTrue(to(referral.referralId(), supervisor).isEmpty());
    }

    @Test
    void onlyTheRecipientOrTheirAgencysDutyStaffMayAcknowledge() {
        UUID referralId = overdueReferral().referralId();
        Notification overdue = to(referralId, duty).get(1);

        given().post("/api/v1/notifications/{id}/acknowledge", overdue.id).then().statusCode(401);
        given().auth().oauth2(officer("someone.else", "kg-police-9", Roles.DUTY_OFFICER))
                .post("/api/v1/notifications/{id}/acknowledge", overdue.id).then().statusCode(404);
        given().auth().oauth2(officer("colleague", agency, Roles.HEALTH_WORKER))
                .post("/api/v1/notifications/{id}/acknowledge", overdue.id).then().statusCode(404);
        assertNull(escalation(referralId, DeadlineKind.ACCEPTANCE).acknowledgedBy);

        // a duty colleague at the same agency may, and a repeat is answered the same way
        String colleague = officer("colleague", agency, Roles.DUTY_OFFICER);
        given().auth().oauth2(colleague).post("/api/v1/notifications/{id}/acknowledge", overdue.id)
                .then().statusCode(200).body("acknowledgedBy", org.hamcrest.Matchers.equalTo("colleague"));
        given().auth().oauth2(colleague).post("/api/v1/notifications/{id}/acknowledge", overdue.id)
                .then().statusCode(200).body("acknowledgedBy", org.hamcrest.Matchers.equalTo("colleague"));
        assertEquals(1, count(notificationEvents(records -> count(records, overdue.id, ACKNOWLEDGED, null) >= 1),
                overdue.id, ACKNOWLEDGED, null));
    }
}
