package org.handoff.notification.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.events.Actor;
import org.handoff.events.EventJson;
import org.handoff.events.Priority;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;
import org.handoff.events.Topics;
import org.handoff.notification.Delivery;
import org.handoff.notification.Notification;
import org.handoff.notification.channel.ConsoleConnections;
import org.handoff.notification.channel.WebhookSignature;
import org.handoff.notification.support.ChannelServers;
import org.handoff.notification.support.ConsoleClient;
import org.handoff.plumbing.testing.KafkaTestSupport;
import org.handoff.notification.support.HttpReceiver;
import org.handoff.notification.support.TestClockProducer;
import org.handoff.plumbing.security.Roles;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.handoff.notification.support.Fixtures.DELIVERED;
import static org.handoff.notification.support.Fixtures.SENT;
import static org.handoff.notification.support.Fixtures.awaitNotifications;
import static org.handoff.notification.support.Fixtures.count;
import static org.handoff.notification.support.Fixtures.deliveries;
import static org.handoff.notification.support.Fixtures.lifecycleTopic;
import static org.handoff.notification.support.Fixtures.moved;
import static org.handoff.notification.support.Fixtures.notificationEvents;
import static org.handoff.notification.support.Fixtures.notifications;
import static org.handoff.notification.support.Fixtures.officer;
import static org.handoff.notification.support.Fixtures.person;
import static org.handoff.notification.support.Fixtures.publish;
import static org.handoff.notification.support.Fixtures.requested;
import static org.handoff.notification.support.Fixtures.roster;
import static org.handoff.notification.support.Fixtures.secret;
import static org.handoff.notification.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new referral on the lifecycle topic reaches the recipient agency's duty officer on every channel:
 * an e-mail in their language read back from the SMTP server, the live console feed, the agency
 * system's signed webhook and an SMS through the gateway; each tracked on the notifications topic.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ChannelServers.class)
class NewReferralNotificationTest {

    /** What an upstream mistake could put on the wire; it must never reach a notification. */
    private static final String SURVIVOR_NAME = "Aizhan Toktogulova";

    @Inject
    Vertx vertx;

    @Inject
    ConsoleConnections consoles;

    @TestHTTPResource("/")
    URI base;

    @Test
    void newReferralReachesTheDutyOfficerOnEveryChannelInTheirLanguageWithoutSurvivorData() throws Exception {
        String agency = unique("kg-hospital");
        String duty = unique("duty");
        String email = duty + "@hospital.example";
        String hook = "/hooks/" + agency;
        person(duty, agency, "ru", email, "+996555000111");
        roster(agency, "Asia/Bishkek", ChannelServers.http().url(hook), duty);

        UUID caseId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();
        ReferralLifecycleChanged event = requested(caseId, referralId, agency, "officer.police", "kg-police-1", Priority.EMERGENCY);
        String leaky = EventJson.toJson(event).replaceFirst("\\{", "{\"survivorName\":\"" + SURVIVOR_NAME + "\",");

        try (ConsoleClient console = new ConsoleClient(vertx, base, officer(duty, agency, Roles.DUTY_OFFICER))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !consoles.of(duty).isEmpty());
            publish(event, UUID.randomUUID().toString(), leaky);

            Notification n = awaitNotifications(referralId, list -> list.size() == 1).get(0);
            assertEquals(duty, n.recipientUserId);
            assertEquals("ru", n.language);
            assertEquals(1, n.escalationLevel);

            // the console: pushed on the open feed (not read back later), exactly this notification, once
            await().atMost(Duration.ofSeconds(10)).until(() -> !console.received().isEmpty());
            ConsoleClient.Received live = console.received().get(0);
            assertEquals(n.id.toString(), live.message().getString("notificationId"));
            assertEquals("NEW_REFERRAL", live.message().getString("reason"));
            assertEquals(1, console.received().size(), "one push per notification");
            assertNotEquals(Boolean.TRUE, live.message().getBoolean("backlog"), "live, not replayed from the backlog");
            assertFalse(live.message().encode().contains(SURVIVOR_NAME));

            // e-mail, in Russian, read back from the SMTP server
            await().atMost(Duration.ofSeconds(30)).until(() -> !ChannelServers.mailTo(email).isEmpty());
            MimeMessage mail = ChannelServers.mailTo(email).get(0);
            String body = mail.getContent().toString();
            assertTrue(mail.getSubject().contains("Новое направление"), mail.getSubject());
            assertTrue(mail.getSubject().contains("CASE-" + caseId.toString().substring(0, 8).toUpperCase()), mail.getSubject());
            assertTrue(body.contains("ЭКСТРЕННЫЙ"), body);
            assertTrue(body.contains("/cases/" + caseId + "/referrals/" + referralId), body);
            assertTrue(body.contains("/api/v1/acknowledgements/"), body);
            assertTrue(body.contains("(Asia/Bishkek)"), body);
            assertFalse(body.contains(SURVIVOR_NAME) || mail.getSubject().contains(SURVIVOR_NAME));

            // webhook to the agency system, signed with its secret
            await().atMost(Duration.ofSeconds(30)).until(() -> !ChannelServers.http().requests(hook).isEmpty());
            HttpReceiver.Request webhook = ChannelServers.http().requests(hook).get(0);
            // the receiver's clock is the service's (the test clock runs ahead of the wall clock)
            Instant receiverNow = Instant.now(TestClockProducer.CLOCK);
            assertTrue(WebhookSignature.verify(secret(agency), webhook.header(WebhookSignature.HEADER), webhook.body(),
                    receiverNow, Duration.ofMinutes(5)), "the receiver verifies the signature");
            assertFalse(WebhookSignature.verify("another-secret-entirely", webhook.header(WebhookSignature.HEADER),
                    webhook.body(), receiverNow, Duration.ofMinutes(5)), "a wrong secret does not verify");
            assertTrue(webhook.body().contains(n.id.toString()));
            assertFalse(webhook.body().contains(SURVIVOR_NAME));

            // SMS through the gateway
            await().atMost(Duration.ofSeconds(30)).until(() -> ChannelServers.http().requests(ChannelServers.SMS_PATH)
                    .stream().anyMatch(r -> r.body().contains("+996555000111")));
            HttpReceiver.Request sms = ChannelServers.http().requests(ChannelServers.SMS_PATH).stream()
                    .filter(r -> r.body().contains("+996555000111")).findFirst().orElseThrow();
            assertEquals("Bearer test-gateway-token", sms.header("Authorization"));
            assertFalse(sms.body().contains(SURVIVOR_NAME));

            // tracked: every channel's outcome on the notifications topic and in the API's view
            List<ConsumerRecord<String, String>> events = notificationEvents(records ->
                    count(records, n.id, SENT, null) == 4 && count(records, n.id, DELIVERED, null) >= 2);
            for (String channel : List.of("EMAIL", "SMS", "WEBHOOK", "WEBSOCKET")) {
                assertEquals(1, count(events, n.id, SENT, "\"" + channel + "\""), channel);
            }
            assertEquals(1, count(events, n.id, DELIVERED, "\"WEBHOOK\""));
            assertEquals(1, count(events, n.id, DELIVERED, "\"WEBSOCKET\""));
            assertTrue(events.stream().filter(r -> r.value().contains(n.id.toString()))
                    .allMatch(r -> caseId.toString().equals(r.key())), "keyed by case id");
            assertTrue(deliveries(n.id).stream().noneMatch(d -> d.status == Delivery.Status.PENDING));
        }
    }

    @Test
    void aRedeliveredEventSendsNothingTwice() {
        String agency = unique("kg-clinic");
        String duty = unique("duty");
        String email = duty + "@clinic.example";
        person(duty, agency, "en", email, null);
        roster(agency, "Asia/Almaty", null, duty);

        UUID caseId = UUID.randomUUID();
        ReferralLifecycleChanged first = requested(caseId, UUID.randomUUID(), agency, "officer.police", "kz-police-1", Priority.URGENT);
        String id = UUID.randomUUID().toString();
        publish(first, id, EventJson.toJson(first));
        publish(first, id, EventJson.toJson(first));
        // a later event on the same case (same partition) shows the duplicate was consumed before it
        ReferralLifecycleChanged marker = requested(caseId, UUID.randomUUID(), agency, "officer.police", "kz-police-1", Priority.URGENT);
        publish(marker);

        awaitNotifications(marker.referralId(), list -> list.size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> ChannelServers.mailTo(email).size() >= 2);
        assertEquals(1, notifications(first.referralId()).size(), "one notification for one event");
        assertEquals(2, ChannelServers.mailTo(email).size(), "one e-mail per referral, none for the redelivery");
    }

    @Test
    void everyReferringSectorsLifecycleTopicIsRead() {
        // referral-service puts each referral's lifecycle on its referring sector's topic only
        String hospital = unique("kg-hospital");
        String hospitalDuty = unique("duty");
        String police = unique("kg-police");
        String policeDuty = unique("duty");
        String socialWorker = unique("social-worker");
        String social = unique("kg-social");
        person(hospitalDuty, hospital, "en", null, null);
        person(policeDuty, police, "en", null, null);
        person(socialWorker, social, "en", null, null);
        roster(hospital, "Asia/Bishkek", null, hospitalDuty);
        roster(police, "Asia/Bishkek", null, policeDuty);

        UUID caseId = UUID.randomUUID();
        ReferralLifecycleChanged fromPolice = requested(Sector.POLICE, caseId, UUID.randomUUID(), hospital, "officer.police",
                "kg-police-1", Priority.URGENT);
        ReferralLifecycleChanged fromHealth = requested(Sector.HEALTH, caseId, UUID.randomUUID(), police, "nurse.1",
                hospital, Priority.URGENT);
        ReferralLifecycleChanged fromSocial = requested(Sector.SOCIAL, caseId, UUID.randomUUID(), hospital, socialWorker,
                social, Priority.ROUTINE);
        publish(fromPolice);
        publish(fromHealth);
        publish(fromSocial);

        assertEquals(hospitalDuty, awaitNotifications(fromPolice.referralId(), list -> list.size() == 1).get(0).recipientUserId);
        assertEquals(policeDuty, awaitNotifications(fromHealth.referralId(), list -> list.size() == 1).get(0).recipientUserId);
        assertEquals(hospitalDuty, awaitNotifications(fromSocial.referralId(), list -> list.size() == 1).get(0).recipientUserId);

        // the closed loop runs on the social topic too: the social worker hears their referral was accepted
        publish(moved(fromSocial, ReferralState.ACCEPTED, new Actor(hospitalDuty, Roles.HEALTH_WORKER, hospital)));
        Notification feedback = awaitNotifications(fromSocial.referralId(), list -> list.size() == 2).get(1);
        assertEquals(socialWorker, feedback.recipientUserId);
        assertEquals(Roles.SOCIAL_WORKER, feedback.recipientRole);
    }

    @Test
    void aConsoleOpenedLaterGetsTheUnacknowledgedBacklogAndOnlyWithAToken() throws Exception {
        String agency = unique("kg-police");
        String duty = unique("duty");
        person(duty, agency, "en", null, null);
        roster(agency, "Asia/Bishkek", null, duty);
        ReferralLifecycleChanged event = requested(UUID.randomUUID(), UUID.randomUUID(), agency, "nurse.1", "kg-hospital-9",
                Priority.URGENT);
        publish(event);
        Notification n = awaitNotifications(event.referralId(), list -> list.size() == 1).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(n.id).stream()
                .anyMatch(d -> d.status == Delivery.Status.NO_SESSION));

        try (ConsoleClient console = new ConsoleClient(vertx, base, officer(duty, agency, Roles.DUTY_OFFICER))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !console.received().isEmpty());
            assertEquals(n.id.toString(), console.received().get(0).message().getString("notificationId"));
            assertTrue(console.received().get(0).message().getBoolean("backlog"));
        }
        assertThrows(Exception.class, () -> new ConsoleClient(vertx, base, "not-a-token").close(),
                "the upgrade needs a valid bearer token");
    }

    @Test
    void anEventThatBreaksTheContractGoesToTheDeadLetterTopicAndLaterEventsStillFlow() {
        String agency = unique("kg-clinic");
        String duty = unique("duty");
        person(duty, agency, "en", null, null);
        roster(agency, "Asia/Bishkek", null, duty);
        UUID caseId = UUID.randomUUID();
        ReferralLifecycleChanged good = requested(caseId, UUID.randomUUID(), agency, "officer.police", "kg-police-1", Priority.ROUTINE);
        // a REQUESTED with a previous state is no valid lifecycle event
        String broken = EventJson.toJson(good).replaceFirst("\\{", "{\"fromState\":\"RECEIVED\",");
        String brokenId = UUID.randomUUID().toString();
        publish(good, brokenId, broken);
        publish(good);

        awaitNotifications(good.referralId(), list -> list.size() == 1);
        // the dead letter goes to the dead-letter topic of the topic it came on (here the police lifecycle)
        List<ConsumerRecord<String, String>> dead = KafkaTestSupport.readUntil(Topics.dlq(lifecycleTopic(good.referringSector())),
                r -> brokenId.equals(KafkaTestSupport.header(r, "ce_id")));
        ConsumerRecord<String, String> record = dead.stream()
                .filter(r -> brokenId.equals(KafkaTestSupport.header(r, "ce_id"))).findFirst().orElseThrow();
        assertEquals(caseId.toString(), record.key());
        assertTrue(KafkaTestSupport.header(record, "dead-letter-reason").contains("initial REQUESTED"),
                KafkaTestSupport.header(record, "dead-letter-reason"));
    }
}
