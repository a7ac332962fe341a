package org.handoff.inbox.testing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.events.Actor;
import org.handoff.events.ContactMethod;
import org.handoff.events.DataCategory;
import org.handoff.events.Deadlines;
import org.handoff.events.EventJson;
import org.handoff.events.HandoffEvent;
import org.handoff.events.HealthView;
import org.handoff.events.PoliceView;
import org.handoff.events.Priority;
import org.handoff.events.ReferralRequested;
import org.handoff.events.SafeContact;
import org.handoff.events.Sector;
import org.handoff.events.SocialView;
import org.handoff.events.SurvivorView;
import org.handoff.events.Topics;
import org.handoff.plumbing.testing.OnVertx;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.handoff.plumbing.testing.KafkaTestSupport.cloudEvent;
import static org.handoff.plumbing.testing.KafkaTestSupport.header;
import static org.handoff.plumbing.testing.KafkaTestSupport.readUntil;
import static org.handoff.plumbing.testing.KafkaTestSupport.send;
import static org.handoff.plumbing.testing.KafkaTestSupport.topic;

/** What the sector services' tests send and read: referral events as referral-service sends them, reports as agencies do. */
public final class InboxFixtures {

    private InboxFixtures() {
    }

    /** A referral to {@code sector}, routed to {@code agency}, carrying {@code view} (a Health-, Police- or SocialView). */
    public static ReferralRequested referral(Sector sector, String agency, Priority priority, Instant acceptanceDue,
                                             boolean minor, Object view) {
        Instant now = Instant.now();
        Instant receiptDue = acceptanceDue.isBefore(now) ? acceptanceDue.minusSeconds(60) : now.plusSeconds(300);
        return new ReferralRequested(UUID.randomUUID(), UUID.randomUUID(), sector, agency, Sector.POLICE == sector
                ? Sector.HEALTH : Sector.POLICE, new Actor("officer.referrer", "police-officer", "almaty-police-dept-1"),
                now, "KZ-ALA", priority, new Deadlines(receiptDue, acceptanceDue), List.of("test-rule"), null,
                Set.of(DataCategory.INCIDENT, DataCategory.CONTACT),
                new SurvivorView("srv-" + UUID.randomUUID(), minor ? 15 : 29, minor, "ru",
                        new SafeContact(ContactMethod.SMS, false, null, null, null)),
                view instanceof HealthView h ? h : null, view instanceof PoliceView p ? p : null,
                view instanceof SocialView s ? s : null);
    }

    public static void sendToInbox(Sector sector, HandoffEvent event) {
        send(cloudEvent(topic(Topics.inbox(sector)), event.caseId().toString(), UUID.randomUUID().toString(),
                event.eventType(), EventJson.toJson(event)));
    }

    public static void sendOn(String logicalTopic, HandoffEvent event) {
        send(cloudEvent(topic(logicalTopic), event.caseId().toString(), UUID.randomUUID().toString(),
                event.eventType(), EventJson.toJson(event)));
    }

    /** Waits until the referral shows in the inbox and returns it. */
    public static ValidatableResponse awaitInInbox(String token, UUID referralId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(token)
                .get("/api/v1/inbox/referrals/" + referralId).statusCode() == 200);
        return given().auth().oauth2(token).get("/api/v1/inbox/referrals/" + referralId).then().statusCode(200);
    }

    /** The status event of {@code type} this service published for the referral, read back from the broker. */
    public static ConsumerRecord<String, String> statusEvent(UUID referralId, String type) {
        List<ConsumerRecord<String, String>> read = readUntil(topic(Topics.REFERRAL_STATUS),
                r -> type.equals(header(r, "ce_type")) && r.value().contains(referralId.toString()));
        return read.stream().filter(r -> type.equals(header(r, "ce_type")) && r.value().contains(referralId.toString()))
                .findFirst().orElseThrow();
    }

    public static long statusEventCount(UUID referralId, String type, String markerType) {
        List<ConsumerRecord<String, String>> read = readUntil(topic(Topics.REFERRAL_STATUS),
                r -> markerType.equals(header(r, "ce_type")) && r.value().contains(referralId.toString()));
        return read.stream().filter(r -> type.equals(header(r, "ce_type")) && r.value().contains(referralId.toString()))
                .count();
    }

    /** A complete, valid report as an agency system sends it. */
    public static Map<String, Object> report(String fullName, String nationalId, String phone) {
        Map<String, Object> survivor = new LinkedHashMap<>();
        survivor.put("fullName", fullName);
        survivor.put("nationalId", nationalId);
        survivor.put("phone", phone);
        survivor.put("address", "Abay avenue 10, flat 4");
        survivor.put("ageYears", 29);
        survivor.put("dependentChildren", 2);
        survivor.put("preferredLanguage", "ru");
        survivor.put("safeContact", Map.of("method", "PHONE_CALL", "canLeaveMessage", false,
                "safeFrom", "09:00", "safeTo", "12:00", "timeZone", "Asia/Almaty"));
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("type", "PHYSICAL_ASSAULT");
        incident.put("occurredAt", Instant.now().minus(Duration.ofHours(5)).toString());
        incident.put("place", "home of the survivor");
        incident.put("injuryReported", true);
        incident.put("priorIncidentsLast12Months", 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("region", "KZ-ALA");
        body.put("survivor", survivor);
        body.put("incident", incident);
        body.put("risk", Map.of("answers", Map.of("STRANGULATION", true, "THREATS_TO_KILL", true)));
        body.put("consents", List.of(
                Map.of("sector", "HEALTH", "dataCategories", List.of("INCIDENT", "HEALTH"), "granted", true),
                Map.of("sector", "SOCIAL", "dataCategories", List.of("INCIDENT", "CONTACT"), "granted", true)));
        body.put("servicesRequested", List.of("MEDICAL_CARE", "SAFETY_PLANNING"));
        return body;
    }

    /** One row of a native query, or null. */
    public static Object queryOne(String sql, Object param) {
        List<?> rows = OnVertx.await(() -> Panache.withSession(() -> Panache.getSession().chain(session ->
                session.createNativeQuery(sql).setParameter(1, param).getResultList())));
        return rows.isEmpty() ? null : rows.get(0);
    }
}
