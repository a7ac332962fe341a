package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification could not be delivered on a channel.
 * Emitted by notification-service on {@link Topics#NOTIFICATIONS}; consumed by referral-service
 * (case timeline) and monitoring.
 *
 * @param notificationId notification id
 * @param caseId         case id
 * @param referralId     referral it is about, if any
 * @param channel        channel that failed
 * @param failure        why
 * @param willRetry      whether notification-service will retry (on this or another channel)
 * @param occurredAt     when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotificationFailed(UUID notificationId, UUID caseId, UUID referralId, NotificationChannel channel,
                                 DeliveryFailure failure, Boolean willRetry, Instant occurredAt)
        implements NotificationEvent {

    public NotificationFailed {
        Checks.required(notificationId, "notificationId");
        Checks.required(caseId, "caseId");
        Checks.required(channel, "channel");
        Checks.required(failure, "failure");
        Checks.required(willRetry, "willRetry");
        Checks.required(occurredAt, "occurredAt");
    }
}
