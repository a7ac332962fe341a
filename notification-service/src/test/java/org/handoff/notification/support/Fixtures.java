package org.handoff.notification.support;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.events.Actor;
import org.handoff.events.DeadlineKind;
import org.handoff.events.EventJson;
import org.handoff.events.EventTypes;
import org.handoff.events.HandoffEvent;
import org.handoff.events.Priority;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.events.ReferralOverdue;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;
import org.handoff.events.Topics;
import org.handoff.notification.Delivery;
import org.handoff.notification.Escalation;
import org.handoff.notification.Notification;
import org.handoff.plumbing.security.Roles;
import org.handoff.plumbing.testing.KafkaTestSupport;
import org.handoff.plumbing.testing.OnVertx;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.handoff.plumbing.testing.TestTokens.token;

/** Set-up through the service's own API, events through the real broker, checks against the real database. */
public final class Fixtures {

    public static final String NOTIFICATIONS = KafkaTestSupport.topic(Topics.NOTIFICATIONS);
    public static final String ALL_DAYS = "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"]";

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String admin() {
        return token("admin.notifications", "handoff-operations", null, Roles.ADMIN);
    }

    public static String officer(String userId, String agency, String... roles) {
        return token(userId, agency, null, roles);
    }

    public static void person(String userId, String agency, String language, String email, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agency", agency);
        body.put("displayName", "Officer " + userId);
        body.put("email", email);
        body.put("phone", phone);
        body.put("language", language);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/people/{id}", userId).then().statusCode(201);
    }

    /** A roster whose listed people are on duty around the clock, level by level (first = level 1). */
    public static void roster(String agency, String timeZone, String webhookUrl, String... levels) {
        StringBuilder shifts = new StringBuilder();
        for (int i = 0; i < levels.length; i++) {
            shifts.append(i == 0 ? "" : ",").append("{\"level\":").append(i + 1).append(",\"userId\":\"").append(levels[i])
                    .append("\",\"days\":").append(ALL_DAYS).append(",\"start\":\"00:00\",\"end\":\"00:00\"}");
        }
        String webhook = webhookUrl == null ? "" : ",\"webhook\":{\"url\":\"" + webhookUrl + "\",\"secret\":\"" + secret(agency) + "\"}";
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"region\":\"Chui\",\"timeZone\":\"" + timeZone + "\"" + webhook + ",\"shifts\":[" + shifts + "]}")
                .put("/api/v1/rosters/{agency}", agency).then().statusCode(201);
    }

    public static String secret(String agency) {
        return "webhook-secret-of-" + agency;
    }

    /** The lifecycle topic of a referring sector, as referral-service publishes to it (with this suite's prefix). */
    public static String lifecycleTopic(Sector referringSector) {
        return KafkaTestSupport.topic(Topics.lifecycle(referringSector));
    }

    /** A police officer's referral to a health agency. */
    public static ReferralLifecycleChanged requested(UUID caseId, UUID referralId, String recipientAgency,
                                                     String referrer, String referringAgency, Priority priority) {
        return requested(Sector.POLICE, caseId, referralId, recipientAgency, referrer, referringAgency, priority);
    }

    /** A referral made by an officer of {@code referringSector} (to health, or to police from health). */
    public static ReferralLifecycleChanged requested(Sector referringSector, UUID caseId, UUID referralId,
                                                     String recipientAgency, String referrer, String referringAgency,
                                                     Priority priority) {
        Sector recipientSector = referringSector == Sector.HEALTH ? Sector.POLICE : Sector.HEALTH;
        String role = switch (referringSector) {
            case POLICE -> Roles.POLICE_OFFICER;
            case HEALTH -> Roles.HEALTH_WORKER;
            case SOCIAL -> Roles.SOCIAL_WORKER;
        };
        return new ReferralLifecycleChanged(referralId, caseId, recipientSector, recipientAgency, referringSector,
                referringAgency, priority, null, ReferralState.REQUESTED, new Actor(referrer, role, referringAgency),
                Instant.now(TestClockProducer.CLOCK), null, null, null, null);
    }

    public static ReferralLifecycleChanged moved(ReferralLifecycleChanged from, ReferralState to, Actor actor) {
        return new ReferralLifecycleChanged(from.referralId(), from.caseId(), from.recipientSector(), from.recipientAgency(),
                from.referringSector(), from.referringAgency(), from.priority(), from.toState(), to, actor,
                Instant.now(TestClockProducer.CLOCK), 1000L, null, null, null);
    }

    public static ReferralOverdue overdue(ReferralLifecycleChanged referral, DeadlineKind deadline, int level) {
        Instant now = Instant.now(TestClockProducer.CLOCK);
        return new ReferralOverdue(referral.referralId(), referral.caseId(), referral.recipientSector(),
                referral.recipientAgency(), referral.priority(), referral.toState(), deadline, now.minusSeconds(60), level, now);
    }

    /**
     * Publishes a lifecycle change as referral-service would: on the lifecycle topic of the referral's
     * referring sector. Returns its CloudEvent id.
     */
    public static String publish(ReferralLifecycleChanged event) {
        return publish(event.referringSector(), event);
    }

    public static void publish(ReferralLifecycleChanged event, String id, String json) {
        publish(event.referringSector(), event, id, json);
    }

    /**
     * Publishes an event on the lifecycle topic of {@code referringSector}; an overdue event names no
     * referring sector, so its test says which (the referral's, as referral-service does). Returns its CloudEvent id.
     */
    public static String publish(Sector referringSector, HandoffEvent event) {
        String id = UUID.randomUUID().toString();
        publish(referringSector, event, id, EventJson.toJson(event));
        return id;
    }

    public static void publish(Sector referringSector, HandoffEvent event, String id, String json) {
        KafkaTestSupport.send(KafkaTestSupport.cloudEvent(lifecycleTopic(referringSector), event.caseId().toString(), id,
                event.eventType(), json));
    }

    public static List<Notification> notifications(UUID referralId) {
        return OnVertx.await(() -> Panache.withSession(() -> Notification.<Notification>list(
                "referralId = ?1 order by createdAt", referralId)));
    }

    public static List<Notification> awaitNotifications(UUID referralId, Predicate<List<Notification>> done) {
        await().atMost(Duration.ofSeconds(60)).until(() -> done.test(notifications(referralId)));
        return notifications(referralId);
    }

    public static List<Delivery> deliveries(UUID notificationId) {
        return OnVertx.await(() -> Panache.withSession(() -> Delivery.<Delivery>list(
                "notificationId = ?1 order by channel", notificationId)));
    }

    public static Escalation escalation(UUID referralId, DeadlineKind deadline) {
        return OnVertx.await(() -> Panache.withSession(() -> Escalation.<Escalation>find(
                "referralId = ?1 and deadline = ?2", referralId, deadline).firstResult()));
    }

    /** Reads the notifications topic until {@code done} holds for the events about one notification or referral. */
    public static List<ConsumerRecord<String, String>> notificationEvents(Predicate<List<ConsumerRecord<String, String>>> done) {
        return KafkaTestSupport.readUntilAll(NOTIFICATIONS, done);
    }

    public static String type(ConsumerRecord<String, String> record) {
        return KafkaTestSupport.header(record, "ce_type");
    }

    public static boolean about(ConsumerRecord<String, String> record, UUID notificationOrReferral) {
        return record.value().contains(notificationOrReferral.toString());
    }

    public static long count(List<ConsumerRecord<String, String>> records, UUID about, String type, String contains) {
        return records.stream().filter(r -> about(r, about) && type.equals(type(r))
                && (contains == null || r.value().contains(contains))).count();
    }

    public static final String SENT = EventTypes.NOTIFICATION_SENT;
    public static final String DELIVERED = EventTypes.NOTIFICATION_DELIVERED;
    public static final String FAILED = EventTypes.NOTIFICATION_FAILED;
    public static final String ACKNOWLEDGED = EventTypes.NOTIFICATION_ACKNOWLEDGED;
    public static final String ESCALATED = EventTypes.NOTIFICATION_ESCALATED;
}
