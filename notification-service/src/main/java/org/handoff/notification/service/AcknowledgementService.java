package org.handoff.notification.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.Actor;
import org.handoff.notification.Notification;
import org.handoff.notification.config.NotificationConfig;
import org.handoff.notification.messaging.NotificationEvents;
import org.handoff.notification.repository.NotificationRepository;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Someone confirms they have seen a notification: recorded once, announced on the notifications topic,
 * and the escalation it belongs to stops at their level. A repeated acknowledgement changes nothing.
 * Each one, and each opening of a one-time link, is an audit row. Callers open the transaction.
 */
@ApplicationScoped
public class AcknowledgementService {

    private final NotificationRepository notifications;
    private final EscalationService escalations;
    private final NotificationEvents events;
    private final AuditLog audit;
    private final Clock clock;
    private final java.time.Duration linkValidFor;

    public AcknowledgementService(NotificationRepository notifications, EscalationService escalations,
                                  NotificationEvents events, AuditLog audit, Clock clock, NotificationConfig config) {
        this.linkValidFor = config.acknowledgementLinkValidFor();
        this.notifications = notifications;
        this.escalations = escalations;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Over the API: {@code visible} says whether the caller may see this notification (else 404, as if it
     * did not exist), {@code allowed} whether they may acknowledge it (else 403: an admin sees every
     * notification but is on no duty chain). A repeat is still audited: the caller read the notification again.
     */
    public Uni<Notification> acknowledge(UUID id, Actor by, AuditLog.Who who, Predicate<Notification> visible,
                                         Predicate<Notification> allowed) {
        return notifications.findById(id).chain(n -> {
            if (n == null || !visible.test(n)) {
                return Uni.createFrom().failure(ProblemException.notFound("notification " + id));
            }
            if (!allowed.test(n)) {
                return Uni.createFrom().failure(new ProblemException(403, "not-on-duty-for-it", "Forbidden",
                        "only its recipient or a duty officer or supervisor of " + n.recipientAgency + " acknowledges it"));
            }
            if (n.acknowledged()) {
                return audit.record(who, "notification.acknowledge", "notification", id.toString(),
                        "already acknowledged by " + n.acknowledgedBy + ": nothing changed").replaceWith(n);
            }
            return record(n, by, who, "notification.acknowledge");
        });
    }

    /**
     * Through the one-time link in an e-mail, SMS or webhook: the link stands for its recipient, so the
     * audit row names the recipient and says it was the link.
     */
    public Uni<Notification> acknowledgeByLink(String token) {
        return liveLink(token).chain(n -> n == null
                ? Uni.createFrom().failure(new ProblemException(410, "link-used", "This link is no longer valid",
                        "the link was used already, has expired or never existed; open the duty console to see the notification"))
                : record(n, n.recipient(), linkHolder(n), "notification.acknowledge.link"));
    }

    /**
     * Whether the link is still good, without using it (a mail scanner's GET must not acknowledge). The
     * page shows the subject, so a good link's opening is audited as a read.
     */
    public Uni<Notification> peek(String token) {
        return liveLink(token).call(n -> n == null ? Uni.createFrom().voidItem()
                : audit.record(linkHolder(n), "notification.read.link", "notification", n.id.toString(), null));
    }

    /** The link's notification, unless the link was used or is older than it may be. */
    private Uni<Notification> liveLink(String token) {
        Instant now = Instant.now(clock);
        return notifications.byAckToken(token).map(n -> n == null || n.createdAt.plus(linkValidFor).isBefore(now) ? null : n);
    }

    private static AuditLog.Who linkHolder(Notification n) {
        return new AuditLog.Who(n.recipientUserId, n.recipientRole, n.recipientAgency);
    }

    private Uni<Notification> record(Notification n, Actor by, AuditLog.Who who, String action) {
        Instant now = Instant.now(clock);
        if (!n.acknowledged()) {
            n.acknowledgedAt = now;
            n.acknowledgedBy = by.userId();
            n.acknowledgedRole = by.role();
            n.acknowledgedAgency = by.agency();
        }
        n.ackToken = null;
        return events.acknowledged(n, by, now)
                .chain(() -> audit.record(who, action, "notification", n.id.toString(),
                        "level " + n.escalationLevel + (n.escalationId == null ? "" : ", escalation " + n.escalationId)))
                .chain(() -> escalations.acknowledged(n, who))
                .replaceWith(n);
    }
}
