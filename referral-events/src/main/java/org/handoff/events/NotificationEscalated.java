package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * An unacknowledged notification was escalated one or more steps up the recipient agency's chain.
 * Emitted by notification-service on {@link Topics#NOTIFICATIONS}; consumed by referral-service
 * (case timeline) and monitoring.
 *
 * @param notificationId the unacknowledged notification
 * @param caseId         case id
 * @param referralId     referral it is about, if any
 * @param fromLevel      escalation level that did not acknowledge
 * @param toLevel        escalation level now notified (higher)
 * @param escalatedTo    who is notified now (user id, role, agency)
 * @param occurredAt     when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotificationEscalated(UUID notificationId, UUID caseId, UUID referralId, Integer fromLevel,
                                    Integer toLevel, Actor escalatedTo, Instant occurredAt)
        implements NotificationEvent {

    public NotificationEscalated {
        Checks.required(notificationId, "notificationId");
        Checks.required(caseId, "caseId");
        Checks.atLeast(Checks.required(fromLevel, "fromLevel"), 1, "fromLevel");
        Checks.required(toLevel, "toLevel");
        Checks.check(toLevel > fromLevel, "toLevel must be above fromLevel");
        Checks.required(escalatedTo, "escalatedTo");
        Checks.required(occurredAt, "occurredAt");
    }
}
