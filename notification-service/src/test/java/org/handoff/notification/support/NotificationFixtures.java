package org.handoff.notification.support;

import io.quarkus.hibernate.reactive.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.NotificationReason;
import org.handoff.events.Priority;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;
import org.handoff.notification.Notification;
import org.handoff.notification.Person;
import org.handoff.notification.Roster;
import org.handoff.notification.service.NotificationService;
import org.handoff.plumbing.security.Roles;
import org.handoff.plumbing.testing.OnVertx;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notification made by the service's own {@link NotificationService}, as the consumer would make it
 * for a status change, without a round trip through the broker: for tests that need many fresh ones.
 */
@ApplicationScoped
public class NotificationFixtures {

    private final NotificationService notifier;

    public NotificationFixtures(NotificationService notifier) {
        this.notifier = notifier;
    }

    /** "Your referral was accepted" to {@code userId} (registered under /people) of {@code agency}. */
    public Notification statusFeedback(String userId, String agency) {
        NotificationService.Trigger trigger = new NotificationService.Trigger(UUID.randomUUID(), UUID.randomUUID(),
                NotificationReason.STATUS_FEEDBACK, Sector.HEALTH, Priority.URGENT, ReferralState.ACCEPTED, null, null,
                Instant.now(TestClockProducer.CLOCK), null, null, UUID.randomUUID().toString());
        return OnVertx.await(() -> Panache.withTransaction(() -> Person.<Person>findById(userId)
                .chain(person -> Roster.<Roster>findById(agency).chain(roster ->
                        notifier.notify(trigger, 1, Roles.POLICE_OFFICER, List.of(person), roster)))
                .map(created -> created.notifications().get(0))));
    }
}
