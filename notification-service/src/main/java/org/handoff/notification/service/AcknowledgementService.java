package org.handoff.notification.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.Actor;
import org.handoff.notification.Notification;
import org.handoff.notification.messaging.NotificationEvents;
import org.handoff.notification.repository.NotificationRepository;
import org.handoff.plumbing.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Someone confirms they have seen a notification: recorded once, announced on the notifications topic,
 * and the escalation it belongs to stops at their level. A repeated acknowledgement changes nothing.
 * Callers open the transaction.
 */
@ApplicationScoped
public class AcknowledgementService {

    private final NotificationRepository notifications;
    private final EscalationService escalations;
    private final NotificationEvents events;
    private final Clock clock;

    public AcknowledgementService(NotificationRepository notifications, EscalationService escalations,
                                  NotificationEvents events, Clock clock) {
        this.notifications = notifications;
        this.escalations = escalations;
        this.events = events;
        this.clock = clock;
    }

    /** Over the API: {@code allowed} says whether the caller may acknowledge this notification. */
    public Uni<Notification> acknowledge(UUID id, Actor by, Predicate<Notification> allowed) {
        return notifications.findById(id).chain(n -> {
            if (n == null || !allowed.test(n)) {
                return Uni.createFrom().failure(ProblemException.notFound("notification " + id));
            }
            return n.acknowledged() ? Uni.createFrom().item(n) : record(n, by);
        });
    }

    /** Through the one-time link in an e-mail, SMS or webhook: the link stands for its recipient. */
    public Uni<Notification> acknowledgeByLink(String token) {
        return notifications.byAckToken(token).chain(n -> n == null
                ? Uni.createFrom().failure(new ProblemException(410, "link-used", "This link is no longer valid",
                        "the link was used already or never existed; open the duty console to see the notification"))
                : record(n, n.recipient()));
    }

    /** Whether the link is still good, without using it (a mail scanner's GET must not acknowledge). */
    public Uni<Notification> peek(String token) {
        return notifications.byAckToken(token);
    }

    private Uni<Notification> record(Notification n, Actor by) {
        Instant now = Instant.now(clock);
        if (!n.acknowledged()) {
            n.acknowledgedAt = now;
            n.acknowledgedBy = by.userId();
            n.acknowledgedRole = by.role();
            n.acknowledgedAgency = by.agency();
        }
        n.ackToken = null;
        return events.acknowledged(n, by, now)
                .chain(() -> escalations.acknowledged(n))
                .replaceWith(n);
    }
}
