package org.handoff.notification.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.handoff.events.DeadlineKind;
import org.handoff.events.NotificationReason;
import org.handoff.events.Priority;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;

import java.time.Instant;
import java.util.UUID;

/**
 * Everything a notification may say, and nothing else: by construction there is no field a survivor's
 * name, contact or story could travel in. Consoles and agency systems receive these facts as JSON;
 * e-mail and SMS receive them rendered by {@link Templates}.
 *
 * @param caseReference short, human-readable case reference (from the case id, not from survivor data)
 * @param detail        enum name of a decline reason, cancellation reason or completion outcome
 * @param dueAt         the deadline the notification is about, if any
 * @param changedAt     when the referral changed (status feedback)
 * @param link          the referral in the duty console
 * @param acknowledgeUrl one-time acknowledgement link
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationFacts(UUID notificationId, UUID caseId, String caseReference, UUID referralId,
                                NotificationReason reason, Sector sector, Priority priority, ReferralState state,
                                DeadlineKind deadline, Instant dueAt, Instant changedAt, String detail,
                                int escalationLevel, String link, String acknowledgeUrl) {

    /** {@code CASE-3F2B8C1E}: the first eight hex digits of the case id. */
    public static String caseReference(UUID caseId) {
        return "CASE-" + caseId.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}
