package org.handoff.events;

/** Why a notification was sent. */
public enum NotificationReason {
    NEW_REFERRAL,
    REFERRAL_OVERDUE,
    ESCALATION,
    STATUS_FEEDBACK,
    CONSENT_WITHDRAWN
}
