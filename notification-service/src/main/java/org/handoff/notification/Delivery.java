package org.handoff.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.handoff.events.NotificationChannel;

import java.time.Instant;
import java.util.UUID;

/** A notification on one channel: claimed by the dispatcher when due, sent, and its outcome recorded. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public enum Status {
        /** Waiting to be sent (again, after a failure that will be retried). */
        PENDING,
        /** Handed to the channel (SMTP server, SMS gateway). */
        SENT,
        /** The receiver confirmed it (webhook 2xx, written to an open console). */
        DELIVERED,
        /** Gave up: the error said it cannot work, or the attempts ran out. */
        FAILED,
        /** Nobody had a console open; the console shows unacknowledged notifications when it connects. */
        NO_SESSION
    }

    @Id
    public UUID id;

    @Column(name = "notification_id")
    public UUID notificationId;

    @Enumerated(EnumType.STRING)
    public NotificationChannel channel;

    public String target;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "created_at")
    public Instant createdAt;
}
