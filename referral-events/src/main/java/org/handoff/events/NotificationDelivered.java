package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * The channel confirmed delivery of a notification.
 * Emitted by notification-service on {@link Topics#NOTIFICATIONS}; consumed by referral-service
 * (case timeline) and monitoring.
 *
 * @param notificationId notification id
 * @param caseId         case id
 * @param referralId     referral it is about, if any
 * @param channel        channel
 * @param occurredAt     when delivery was confirmed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotificationDelivered(UUID notificationId, UUID caseId, UUID referralId, NotificationChannel channel,
                                    Instant occurredAt) implements NotificationEvent {

    public NotificationDelivered {
        Checks.required(notificationId, "notificationId");
        Checks.required(caseId, "caseId");
        Checks.required(channel, "channel");
        Checks.required(occurredAt, "occurredAt");
    }
}
