package org.handoff.notification.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.handoff.events.Actor;
import org.handoff.events.NotificationReason;
import org.handoff.events.Priority;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.events.ReferralState;
import org.handoff.notification.Notification;
import org.handoff.notification.service.SafetyGapLog;
import org.handoff.notification.support.ChannelServers;
import org.handoff.notification.support.Metrics;
import org.handoff.notification.support.TestClockProducer;
import org.handoff.plumbing.security.Roles;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.awaitility.Awaitility.await;
import static org.handoff.notification.support.Fixtures.awaitNotifications;
import static org.handoff.notification.support.Fixtures.moved;
import static org.handoff.notification.support.Fixtures.notifications;
import static org.handoff.notification.support.Fixtures.person;
import static org.handoff.notification.support.Fixtures.publish;
import static org.handoff.notification.support.Fixtures.requested;
import static org.handoff.notification.support.Fixtures.roster;
import static org.handoff.notification.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lifecycle events that reach nobody: most are routine (status feedback to an agency whose officers get
 * it through their own system) and cost nothing but a count; a new referral nobody hears of is a safety
 * gap an operator is told about, once an hour per agency rather than once per event.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ChannelServers.class)
class UnroutedEventTest {

    private static final String UNROUTABLE = "handoff_notifications_unroutable_total";
    private static final String WAKEUPS = "handoff_notifications_dispatch_wakeups_total";

    private static double unroutable(NotificationReason reason) {
        return Metrics.value(UNROUTABLE, "reason", reason.name());
    }

    /** Wake-ups of a channel's worker because a committed event created deliveries for it. */
    private static double wakeups(String channel) {
        return Metrics.value(WAKEUPS, "channel", channel, "cause", "created");
    }

    @Test
    void aStatusChangeNobodyCanBeToldOfIsCountedAndWakesNoChannel() {
        String hospital = unique("kg-hospital");
        String duty = unique("duty");
        person(duty, hospital, "en", null, null); // no e-mail or phone: reachable on the console only
        roster(hospital, "Asia/Bishkek", null, duty);
        String police = unique("kg-police"); // no roster here, and the referring officer is not registered
        double feedbackBefore = unroutable(NotificationReason.STATUS_FEEDBACK);
        double emailBefore = wakeups("EMAIL");
        double smsBefore = wakeups("SMS");
        double webhookBefore = wakeups("WEBHOOK");
        double consoleBefore = wakeups("WEBSOCKET");

        UUID caseId = UUID.randomUUID();
        ReferralLifecycleChanged referral = requested(caseId, UUID.randomUUID(), hospital, "officer.unregistered", police,
                Priority.ROUTINE);
        publish(referral);
        publish(moved(referral, ReferralState.ACCEPTED, new Actor(duty, Roles.HEALTH_WORKER, hospital)));
        // the case's next referral, on the same partition: once it is notified, the acceptance has been handled
        ReferralLifecycleChanged next = requested(caseId, UUID.randomUUID(), hospital, "officer.unregistered", police,
                Priority.ROUTINE);
        publish(next);
        awaitNotifications(next.referralId(), list -> list.size() == 1);

        List<Notification> aboutFirst = notifications(referral.referralId());
        assertEquals(1, aboutFirst.size(), "the new referral reached the duty officer; the acceptance reached nobody");
        assertEquals(NotificationReason.NEW_REFERRAL, aboutFirst.get(0).reason);
        assertEquals(1, unroutable(NotificationReason.STATUS_FEEDBACK) - feedbackBefore, "the acceptance is counted");

        // the console worker is woken (after each commit that gave it work, or once for a batch)...
        await().atMost(Duration.ofSeconds(10)).until(() -> wakeups("WEBSOCKET") - consoleBefore >= 1);
        assertTrue(wakeups("WEBSOCKET") - consoleBefore <= 2, "at most once per event that created a delivery");
        // ...and no other channel is, by these events: nothing was created for them, the acceptance created nothing
        assertEquals(0, wakeups("EMAIL") - emailBefore, "e-mail");
        assertEquals(0, wakeups("SMS") - smsBefore, "SMS");
        assertEquals(0, wakeups("WEBHOOK") - webhookBefore, "webhook");
    }

    @Test
    void aNewReferralNobodyCanBeToldOfIsWarnedOncePerAgencyAndHourAndCountedEveryTime() {
        String clinic = unique("kg-clinic"); // no roster: nobody hears of referrals to it
        String police = unique("kg-police"); // no roster either: its status feedback is routine, not a warning
        double newBefore = unroutable(NotificationReason.NEW_REFERRAL);
        double feedbackBefore = unroutable(NotificationReason.STATUS_FEEDBACK);
        Warnings warnings = new Warnings();
        Logger logger = Logger.getLogger("org.handoff.notification");
        logger.addHandler(warnings);
        try {
            UUID caseId = UUID.randomUUID();
            ReferralLifecycleChanged first = requested(caseId, UUID.randomUUID(), clinic, "officer.1", police, Priority.EMERGENCY);
            publish(first);
            publish(moved(first, ReferralState.RECEIVED, Actor.system("health-service", clinic)));
            ReferralLifecycleChanged second = requested(caseId, UUID.randomUUID(), clinic, "officer.1", police, Priority.URGENT);
            publish(second);
            await().atMost(Duration.ofSeconds(60)).until(() -> unroutable(NotificationReason.NEW_REFERRAL) - newBefore == 2
                    && unroutable(NotificationReason.STATUS_FEEDBACK) - feedbackBefore == 1);

            List<String> aboutClinic = warnings.naming(clinic);
            assertEquals(1, aboutClinic.size(), "one line for two referrals within the hour: " + aboutClinic);
            assertTrue(aboutClinic.get(0).contains(first.referralId().toString()), aboutClinic.get(0));
            assertTrue(aboutClinic.get(0).contains("nobody was notified"), aboutClinic.get(0));
            assertEquals(List.of(), warnings.naming(police), "status feedback to an agency without a roster is no warning");

            // an hour on, the gap is still there: said again, with how many were left out
            TestClockProducer.CLOCK.advance(SafetyGapLog.EVERY.plusMinutes(1));
            ReferralLifecycleChanged third = requested(caseId, UUID.randomUUID(), clinic, "officer.1", police, Priority.URGENT);
            publish(third);
            await().atMost(Duration.ofSeconds(60)).until(() -> unroutable(NotificationReason.NEW_REFERRAL) - newBefore == 3);
            aboutClinic = warnings.naming(clinic);
            assertEquals(2, aboutClinic.size(), aboutClinic.toString());
            assertTrue(aboutClinic.get(1).contains(third.referralId().toString()), aboutClinic.get(1));
            assertTrue(aboutClinic.get(1).contains("and 1 more like it"), aboutClinic.get(1));
            for (ReferralLifecycleChanged referral : List.of(first, second, third)) {
                assertEquals(List.of(), notifications(referral.referralId()));
            }
        } finally {
            logger.removeHandler(warnings);
        }
    }

    /** The WARN and ERROR lines this service writes, as its log shows them. */
    private static final class Warnings extends Handler {

        private final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                lines.add(record.getMessage());
            }
        }

        List<String> naming(String agency) {
            return lines.stream().filter(line -> line.contains(agency)).toList();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
