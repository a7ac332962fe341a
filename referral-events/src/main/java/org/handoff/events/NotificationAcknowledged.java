package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone acknowledged a notification; its escalation stops.
 * Emitted by notification-service on {@link Topics#NOTIFICATIONS}; consumed by referral-service
 * (case timeline) and monitoring.
 *
 * @param notificationId  notification id
 * @param caseId          case id
 * @param referralId      referral it is about, if any
 * @param acknowledgedBy  who acknowledged (user id, role, agency)
 * @param occurredAt      when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotificationAcknowledged(UUID notificationId, UUID caseId, UUID referralId, Actor acknowledgedBy,
                                       Instant occurredAt) implements NotificationEvent {

    public NotificationAcknowledged {
        Checks.required(notificationId, "notificationId");
        Checks.required(caseId, "caseId");
        Checks.required(acknowledgedBy, "acknowledgedBy");
        Checks.required(occurredAt, "occurredAt");
    }
}
