package org.handoff.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kafka topic names. Every topic is keyed by case id (one case's events stay in order); every
 * consumed topic has a dead-letter topic {@link #dlq(String)}. One inbox and one lifecycle topic per
 * sector let broker ACLs keep sectors apart: a sector reads the requests addressed to it and the
 * lifecycle of the referrals its own reports caused, nothing else.
 */
public final class Topics {

    public static final String CASE_REPORTED = "handoff.case-reported";
    public static final String POLICE_INBOX = "handoff.police.inbox";
    public static final String HEALTH_INBOX = "handoff.health.inbox";
    public static final String SOCIAL_INBOX = "handoff.social.inbox";
    public static final String REFERRAL_STATUS = "handoff.referral-status";
    public static final String POLICE_LIFECYCLE = "handoff.police.lifecycle";
    public static final String HEALTH_LIFECYCLE = "handoff.health.lifecycle";
    public static final String SOCIAL_LIFECYCLE = "handoff.social.lifecycle";
    public static final String NOTIFICATIONS = "handoff.notifications";

    public static final String DLQ_SUFFIX = ".dlq";

    /** The event topics (without dead-letter topics), in flow order. */
    public static final List<String> ALL = List.of(CASE_REPORTED, POLICE_INBOX, HEALTH_INBOX, SOCIAL_INBOX,
            REFERRAL_STATUS, POLICE_LIFECYCLE, HEALTH_LIFECYCLE, SOCIAL_LIFECYCLE, NOTIFICATIONS);

    /** Every sector's lifecycle topic, in {@link Sector} order: what a reader of all referrals' lifecycles subscribes to. */
    public static final List<String> LIFECYCLES = List.of(POLICE_LIFECYCLE, HEALTH_LIFECYCLE, SOCIAL_LIFECYCLE);

    private static final Map<String, Set<String>> EVENT_TYPES;

    static {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put(CASE_REPORTED, Set.of(EventTypes.CASE_REPORTED));
        Set<String> inbox = Set.of(EventTypes.REFERRAL_REQUESTED, EventTypes.REFERRAL_CANCELLED,
                EventTypes.CONSENT_WITHDRAWN);
        m.put(POLICE_INBOX, inbox);
        m.put(HEALTH_INBOX, inbox);
        m.put(SOCIAL_INBOX, inbox);
        m.put(REFERRAL_STATUS, Set.of(EventTypes.REFERRAL_RECEIVED, EventTypes.REFERRAL_ACCEPTED,
                EventTypes.REFERRAL_DECLINED, EventTypes.REFERRAL_STARTED, EventTypes.REFERRAL_COMPLETED,
                EventTypes.CONSENT_WITHDRAWN));
        Set<String> lifecycle = Set.of(EventTypes.REFERRAL_LIFECYCLE_CHANGED, EventTypes.REFERRAL_OVERDUE);
        for (Sector sector : Sector.values()) {
            m.put(lifecycle(sector), lifecycle);
        }
        m.put(NOTIFICATIONS, Set.of(EventTypes.NOTIFICATION_SENT, EventTypes.NOTIFICATION_DELIVERED,
                EventTypes.NOTIFICATION_FAILED, EventTypes.NOTIFICATION_ACKNOWLEDGED,
                EventTypes.NOTIFICATION_ESCALATED));
        EVENT_TYPES = Collections.unmodifiableMap(m);
    }

    private Topics() {
    }

    /** The inbox topic of a recipient sector: {@code handoff.<sector>.inbox}. */
    public static String inbox(Sector sector) {
        return "handoff." + Checks.required(sector, "sector").id() + ".inbox";
    }

    /**
     * The lifecycle topic of the sector whose report caused a referral ({@code handoff.<sector>.lifecycle}):
     * every lifecycle change and overdue escalation of that referral, for that sector's closed loop and
     * for notification-service, which reads all of them.
     */
    public static String lifecycle(Sector referringSector) {
        return "handoff." + Checks.required(referringSector, "sector").id() + ".lifecycle";
    }

    /** The dead-letter topic of a consumed topic: {@code <topic>.dlq}. */
    public static String dlq(String topic) {
        Checks.requiredText(topic, "topic");
        Checks.check(!isDlq(topic), "already a dead-letter topic: " + topic);
        return topic + DLQ_SUFFIX;
    }

    public static boolean isDlq(String topic) {
        return topic != null && topic.endsWith(DLQ_SUFFIX);
    }

    /** The topic a dead-letter topic belongs to. */
    public static String originOf(String dlqTopic) {
        Checks.check(isDlq(dlqTopic), "not a dead-letter topic: " + dlqTopic);
        return dlqTopic.substring(0, dlqTopic.length() - DLQ_SUFFIX.length());
    }

    /** Every topic to create: each event topic followed by its dead-letter topic. */
    public static List<String> allWithDlq() {
        List<String> all = new ArrayList<>();
        for (String topic : ALL) {
            all.add(topic);
            all.add(dlq(topic));
        }
        return List.copyOf(all);
    }

    /**
     * The event types a topic carries (a dead-letter topic carries those of its origin); empty for an
     * unknown topic.
     */
    public static Set<String> eventTypes(String topic) {
        String origin = isDlq(topic) ? originOf(topic) : topic;
        return EVENT_TYPES.getOrDefault(origin, Set.of());
    }
}
