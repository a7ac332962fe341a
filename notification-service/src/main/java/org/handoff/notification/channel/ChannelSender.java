package org.handoff.notification.channel;

import org.handoff.events.NotificationChannel;
import org.handoff.notification.Delivery;
import org.handoff.notification.Notification;

/**
 * Sends one delivery on one channel. Blocking: each channel runs on a worker thread of its own, so a
 * slow or failing channel never holds up the others. Throws {@link DeliveryException} on failure.
 */
public interface ChannelSender {

    enum Outcome {
        /** Handed over; the channel gives no confirmation (SMTP, SMS gateway). */
        SENT,
        /** The receiver confirmed it (webhook 2xx, written to an open console). */
        DELIVERED,
        /** Nobody to deliver to right now (no console open). */
        NO_SESSION
    }

    NotificationChannel channel();

    Outcome send(Delivery delivery, Notification notification);
}
