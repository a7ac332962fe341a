package org.handoff.notification.channel;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.handoff.events.NotificationChannel;
import org.handoff.events.Priority;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.notification.Delivery;
import org.handoff.notification.Notification;
import org.handoff.notification.support.ChannelServers;
import org.handoff.notification.support.TestClockProducer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.handoff.notification.support.Fixtures.FAILED;
import static org.handoff.notification.support.Fixtures.awaitNotifications;
import static org.handoff.notification.support.Fixtures.count;
import static org.handoff.notification.support.Fixtures.deliveries;
import static org.handoff.notification.support.Fixtures.notificationEvents;
import static org.handoff.notification.support.Fixtures.person;
import static org.handoff.notification.support.Fixtures.publish;
import static org.handoff.notification.support.Fixtures.requested;
import static org.handoff.notification.support.Fixtures.roster;
import static org.handoff.notification.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agency system that is down gets the webhook again with backoff; the other channels do not wait for it. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ChannelServers.class)
class WebhookRetryTest {

    @Inject
    DeliveryDispatcher dispatcher;

    private Notification notify(String hook) {
        String agency = unique("kg-shelter");
        String duty = unique("duty");
        person(duty, agency, "en", duty + "@shelter.example", null);
        roster(agency, "Asia/Tashkent", ChannelServers.http().url(hook), duty);
        ReferralLifecycleChanged event = requested(UUID.randomUUID(), UUID.randomUUID(), agency, "officer.police", "uz-police", Priority.URGENT);
        publish(event);
        return awaitNotifications(event.referralId(), list -> list.size() == 1).get(0);
    }

    private static Delivery delivery(Notification n, NotificationChannel channel) {
        return deliveries(n.id).stream().filter(d -> d.channel == channel).findFirst().orElseThrow();
    }

    /** The attempt's failure is recorded (its lease released) and a retry is scheduled. */
    private static boolean awaitingRetry(Delivery d, int attempts) {
        return d.attempts == attempts && d.status == Delivery.Status.PENDING && d.leaseUntil == null && d.lastError != null;
    }

    @Test
    void aFailingWebhookIsRetriedWithBackoffUntilTheAgencySystemTakesIt() {
        String hook = "/hooks/" + unique("down-for-a-while");
        ChannelServers.http().fail(hook, 2, 503);
        Notification n = notify(hook);

        await().atMost(Duration.ofSeconds(30)).until(() -> awaitingRetry(delivery(n, NotificationChannel.WEBHOOK), 1));
        Delivery first = delivery(n, NotificationChannel.WEBHOOK);
        assertTrue(first.lastError.contains("503"), first.lastError);
        assertNotNull(first.nextAttemptAt);
        // the e-mail went out regardless
        await().atMost(Duration.ofSeconds(30)).until(() -> delivery(n, NotificationChannel.EMAIL).status == Delivery.Status.SENT);

        // nothing is retried before its time
        dispatcher.sendDue(NotificationChannel.WEBHOOK);
        assertEquals(1, ChannelServers.http().requests(hook).size());
        assertEquals(1, delivery(n, NotificationChannel.WEBHOOK).attempts);

        TestClockProducer.CLOCK.advance(Duration.ofSeconds(11)); // first backoff: 10 s
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> awaitingRetry(delivery(n, NotificationChannel.WEBHOOK), 2));
        TestClockProducer.CLOCK.advance(Duration.ofSeconds(21)); // second backoff: 20 s
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> delivery(n, NotificationChannel.WEBHOOK).status == Delivery.Status.DELIVERED);

        assertEquals(3, ChannelServers.http().requests(hook).size());
        var events = notificationEvents(records -> count(records, n.id, FAILED, null) == 2);
        assertEquals(2, count(events, n.id, FAILED, "\"willRetry\":true"));
    }

    @Test
    void aWebhookTheAgencySystemRefusesIsNotRetried() {
        String hook = "/hooks/" + unique("refuses");
        ChannelServers.http().fail(hook, 1, 400);
        Notification n = notify(hook);

        await().atMost(Duration.ofSeconds(30)).until(() -> delivery(n, NotificationChannel.WEBHOOK).status == Delivery.Status.FAILED);
        var events = notificationEvents(records -> count(records, n.id, FAILED, null) == 1);
        assertEquals(1, count(events, n.id, FAILED, "\"REJECTED\""));
        assertEquals(1, count(events, n.id, FAILED, "\"willRetry\":false"));
        TestClockProducer.CLOCK.advance(Duration.ofMinutes(30));
        dispatcher.sendDue(NotificationChannel.WEBHOOK);
        assertEquals(1, ChannelServers.http().requests(hook).size());
        assertEquals(Delivery.Status.FAILED, delivery(n, NotificationChannel.WEBHOOK).status);
    }
}
