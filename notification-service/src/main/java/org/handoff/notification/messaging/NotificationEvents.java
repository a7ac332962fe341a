package org.handoff.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.Actor;
import org.handoff.events.DeliveryFailure;
import org.handoff.events.HandoffEvent;
import org.handoff.events.NotificationAcknowledged;
import org.handoff.events.NotificationChannel;
import org.handoff.events.NotificationDelivered;
import org.handoff.events.NotificationEscalated;
import org.handoff.events.NotificationFailed;
import org.handoff.events.NotificationSent;
import org.handoff.events.Topics;
import org.handoff.notification.Notification;
import org.handoff.plumbing.outbox.Outbox;
import org.handoff.plumbing.outbox.OutgoingEvent;

import java.time.Instant;

/**
 * The notification events of the contract, appended to the outbox inside the caller's transaction, so
 * an event exists exactly when the tracked change it announces does.
 */
@ApplicationScoped
public class NotificationEvents {

    private final Outbox outbox;

    public NotificationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> sent(Notification n, NotificationChannel channel, Instant at) {
        return append(n, new NotificationSent(n.id, n.caseId, n.referralId, n.reason, channel, n.recipient(),
                n.escalationLevel, at));
    }

    public Uni<Void> delivered(Notification n, NotificationChannel channel, Instant at) {
        return append(n, new NotificationDelivered(n.id, n.caseId, n.referralId, channel, at));
    }

    public Uni<Void> failed(Notification n, NotificationChannel channel, DeliveryFailure failure, boolean willRetry,
                            Instant at) {
        return append(n, new NotificationFailed(n.id, n.caseId, n.referralId, channel, failure, willRetry, at));
    }

    public Uni<Void> acknowledged(Notification n, Actor by, Instant at) {
        return append(n, new NotificationAcknowledged(n.id, n.caseId, n.referralId, by, at));
    }

    /** {@code unacknowledged} is the notification nobody answered; {@code to} the one now sent a level up. */
    public Uni<Void> escalated(Notification unacknowledged, int fromLevel, Notification to, Instant at) {
        return append(unacknowledged, new NotificationEscalated(unacknowledged.id, unacknowledged.caseId,
                unacknowledged.referralId, fromLevel, to.escalationLevel, to.recipient(), at));
    }

    private Uni<Void> append(Notification n, HandoffEvent event) {
        String caseId = n.caseId.toString();
        return outbox.append(OutgoingEvent.of(Topics.NOTIFICATIONS, caseId, event.eventType(), n.correlationId, event))
                .replaceWithVoid();
    }
}
