package org.handoff.notification.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.mail.internet.MimeMessage;
import org.handoff.events.Actor;
import org.handoff.events.CancellationReason;
import org.handoff.events.DeclineReason;
import org.handoff.events.NotificationReason;
import org.handoff.events.Priority;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.events.ReferralState;
import org.handoff.notification.Notification;
import org.handoff.notification.support.ChannelServers;
import org.handoff.notification.support.TestClockProducer;
import org.handoff.plumbing.security.Roles;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

/** The closed loop: every change of a referral goes back to the officer who made it. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ChannelServers.class)
class StatusFeedbackTest {

    @Test
    void theReferringOfficerHearsOfEveryChangeInTheirLanguage() throws Exception {
        String hospital = unique("kg-hospital");
        String duty = unique("duty");
        String police = unique("kg-police");
        String referrer = unique("officer");
        String referrerMail = referrer + "@police.example";
        person(duty, hospital, "en", null, null);
        person(referrer, police, "ru", referrerMail, null);
        roster(hospital, "Asia/Bishkek", null, duty);

        ReferralLifecycleChanged requested = requested(UUID.randomUUID(), UUID.randomUUID(), hospital, referrer, police,
                Priority.ROUTINE);
        ReferralLifecycleChanged accepted = moved(requested, ReferralState.ACCEPTED, new Actor(duty, Roles.HEALTH_WORKER, hospital));
        publish(requested);
        publish(accepted);

        List<Notification> all = awaitNotifications(requested.referralId(), list -> list.size() == 2);
        Notification feedback = all.stream().filter(n -> n.reason == NotificationReason.STATUS_FEEDBACK).findFirst().orElseThrow();
        assertEquals(referrer, feedback.recipientUserId);
        assertEquals(Roles.POLICE_OFFICER, feedback.recipientRole);

        await().atMost(Duration.ofSeconds(30)).until(() -> !ChannelServers.mailTo(referrerMail).isEmpty());
        MimeMessage mail = ChannelServers.mailTo(referrerMail).get(0);
        assertTrue(mail.getSubject().contains("принято"), mail.getSubject());
        assertTrue(mail.getContent().toString().contains("здравоохранение"), mail.getContent().toString());
    }

    @Test
    void aDeclineCarriesItsReasonAndAConsentCancellationTellsTheRecipientToStop() throws Exception {
        String hospital = unique("kg-hospital");
        String duty = unique("duty");
        String dutyMail = duty + "@hospital.example";
        String police = unique("kg-police");
        String referrer = unique("officer");
        String referrerMail = referrer + "@police.example";
        person(duty, hospital, "en", dutyMail, null);
        person(referrer, police, "en", referrerMail, null);
        roster(hospital, "Asia/Dushanbe", null, duty);

        ReferralLifecycleChanged first = requested(UUID.randomUUID(), UUID.randomUUID(), hospital, referrer, police, Priority.URGENT);
        publish(first);
        publish(new ReferralLifecycleChanged(first.referralId(), first.caseId(), first.recipientSector(), hospital,
                first.referringSector(), police, first.priority(), ReferralState.REQUESTED, ReferralState.DECLINED,
                new Actor(duty, Roles.HEALTH_WORKER, hospital), Instant.now(TestClockProducer.CLOCK), 5000L,
                DeclineReason.NO_CAPACITY, null, null));
        awaitNotifications(first.referralId(), list -> list.size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> !ChannelServers.mailTo(referrerMail).isEmpty());
        String declined = ChannelServers.mailTo(referrerMail).get(0).getContent().toString();
        assertTrue(declined.contains("declined") && declined.contains("no capacity"), declined);

        ReferralLifecycleChanged second = requested(first.caseId(), UUID.randomUUID(), hospital, referrer, police, Priority.URGENT);
        publish(second);
        publish(new ReferralLifecycleChanged(second.referralId(), second.caseId(), second.recipientSector(), hospital,
                second.referringSector(), police, second.priority(), ReferralState.REQUESTED, ReferralState.CANCELLED,
                Actor.system("referral-service", police), Instant.now(TestClockProducer.CLOCK), 5000L, null,
                CancellationReason.CONSENT_WITHDRAWN, null));
        List<Notification> all = awaitNotifications(second.referralId(), list -> list.size() == 3);
        Notification stop = all.stream().filter(n -> n.reason == NotificationReason.CONSENT_WITHDRAWN).findFirst().orElseThrow();
        assertEquals(duty, stop.recipientUserId);
        assertTrue(stop.body.contains("withdrew consent"), stop.body);
        assertEquals(1, notifications(second.referralId()).stream()
                .filter(n -> n.reason == NotificationReason.STATUS_FEEDBACK && n.recipientUserId.equals(referrer)).count());
    }
}
