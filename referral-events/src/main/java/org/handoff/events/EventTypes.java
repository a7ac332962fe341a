package org.handoff.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CloudEvents {@code type} values (past tense, versioned) and the payload record of each.
 * A new field is an additive change within a version; anything else is a new {@code .v2} type.
 */
public final class EventTypes {

    public static final String CASE_REPORTED = "org.handoff.case.reported.v1";
    public static final String REFERRAL_REQUESTED = "org.handoff.referral.requested.v1";
    public static final String REFERRAL_RECEIVED = "org.handoff.referral.received.v1";
    public static final String REFERRAL_ACCEPTED = "org.handoff.referral.accepted.v1";
    public static final String REFERRAL_DECLINED = "org.handoff.referral.declined.v1";
    public static final String REFERRAL_STARTED = "org.handoff.referral.started.v1";
    public static final String REFERRAL_COMPLETED = "org.handoff.referral.completed.v1";
    public static final String REFERRAL_CANCELLED = "org.handoff.referral.cancelled.v1";
    public static final String REFERRAL_OVERDUE = "org.handoff.referral.overdue.v1";
    public static final String REFERRAL_LIFECYCLE_CHANGED = "org.handoff.referral.lifecycle-changed.v1";
    public static final String CONSENT_WITHDRAWN = "org.handoff.consent.withdrawn.v1";
    public static final String NOTIFICATION_SENT = "org.handoff.notification.sent.v1";
    public static final String NOTIFICATION_DELIVERED = "org.handoff.notification.delivered.v1";
    public static final String NOTIFICATION_FAILED = "org.handoff.notification.failed.v1";
    public static final String NOTIFICATION_ACKNOWLEDGED = "org.handoff.notification.acknowledged.v1";
    public static final String NOTIFICATION_ESCALATED = "org.handoff.notification.escalated.v1";

    /** Every event type, in a stable order, with its payload record. */
    public static final Map<String, Class<? extends HandoffEvent>> PAYLOAD_TYPES;

    private static final Map<Class<?>, String> TYPE_OF;

    static {
        Map<String, Class<? extends HandoffEvent>> m = new LinkedHashMap<>();
        m.put(CASE_REPORTED, CaseReported.class);
        m.put(REFERRAL_REQUESTED, ReferralRequested.class);
        m.put(REFERRAL_RECEIVED, ReferralReceived.class);
        m.put(REFERRAL_ACCEPTED, ReferralAccepted.class);
        m.put(REFERRAL_DECLINED, ReferralDeclined.class);
        m.put(REFERRAL_STARTED, ReferralStarted.class);
        m.put(REFERRAL_COMPLETED, ReferralCompleted.class);
        m.put(REFERRAL_CANCELLED, ReferralCancelled.class);
        m.put(REFERRAL_OVERDUE, ReferralOverdue.class);
        m.put(REFERRAL_LIFECYCLE_CHANGED, ReferralLifecycleChanged.class);
        m.put(CONSENT_WITHDRAWN, ConsentWithdrawn.class);
        m.put(NOTIFICATION_SENT, NotificationSent.class);
        m.put(NOTIFICATION_DELIVERED, NotificationDelivered.class);
        m.put(NOTIFICATION_FAILED, NotificationFailed.class);
        m.put(NOTIFICATION_ACKNOWLEDGED, NotificationAcknowledged.class);
        m.put(NOTIFICATION_ESCALATED, NotificationEscalated.class);
        PAYLOAD_TYPES = Collections.unmodifiableMap(m);
        Map<Class<?>, String> reverse = new LinkedHashMap<>();
        m.forEach((type, payload) -> reverse.put(payload, type));
        TYPE_OF = Collections.unmodifiableMap(reverse);
    }

    private EventTypes() {
    }

    /** The payload record for a CloudEvents type, if the type is known. */
    public static Optional<Class<? extends HandoffEvent>> payloadClass(String type) {
        return Optional.ofNullable(type == null ? null : PAYLOAD_TYPES.get(type));
    }

    /** The CloudEvents type of a payload record. */
    public static String typeOf(Class<?> payloadClass) {
        String type = TYPE_OF.get(payloadClass);
        if (type == null) {
            throw new IllegalArgumentException("not an event payload: " + payloadClass);
        }
        return type;
    }

    /** The CloudEvents type of a payload. */
    public static String typeOf(HandoffEvent event) {
        return typeOf(event.getClass());
    }
}
