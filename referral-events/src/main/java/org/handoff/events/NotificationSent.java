package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification was sent to a person or agency system on one channel.
 * Emitted by notification-service on {@link Topics#NOTIFICATIONS}; consumed by referral-service
 * (case timeline) and monitoring.
 *
 * @param notificationId  notification id
 * @param caseId          case id
 * @param referralId      referral it is about, if any
 * @param reason          why it was sent
 * @param channel         channel
 * @param recipient       who it was sent to (user id or agency-system client id, role, agency)
 * @param escalationLevel step in the recipient agency's chain: 1 = duty officer, 2 = supervisor, 3 = coordinator, …
 * @param occurredAt      when it was sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotificationSent(UUID notificationId, UUID caseId, UUID referralId, NotificationReason reason,
                               NotificationChannel channel, Actor recipient, Integer escalationLevel,
                               Instant occurredAt) implements NotificationEvent {

    public NotificationSent {
        Checks.required(notificationId, "notificationId");
        Checks.required(caseId, "caseId");
        Checks.required(reason, "reason");
        Checks.required(channel, "channel");
        Checks.required(recipient, "recipient");
        Checks.atLeast(Checks.required(escalationLevel, "escalationLevel"), 1, "escalationLevel");
        Checks.required(occurredAt, "occurredAt");
    }
}
