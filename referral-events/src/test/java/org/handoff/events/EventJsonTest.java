package org.handoff.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJsonTest {

    private static final UUID CASE = UUID.fromString("3f2b8c1e-7a4d-4e9b-9c2a-5d6e7f8a9b0c");
    private static final Actor DUTY = new Actor("u1", "duty-officer", "kg-bishkek-crisis-centre-sezim");

    @Test
    void timesAreIsoStringsAndNullsAreLeftOut() {
        NotificationDelivered delivered = new NotificationDelivered(UUID.randomUUID(), CASE, null,
                NotificationChannel.EMAIL, Instant.parse("2026-03-02T08:40:09.5Z"));
        JsonNode json = EventJson.mapper().valueToTree(delivered);
        assertEquals("2026-03-02T08:40:09.500Z", json.get("occurredAt").asText());
        assertTrue(json.get("occurredAt").isTextual());
        assertFalse(json.has("referralId"));
        assertFalse(json.has("eventType"), "helper methods are not serialised");
    }

    @Test
    void readsByCloudEventType() {
        String json = """
                {"referralId":"c0ffee00-1234-4abc-8def-0123456789ab","caseId":"%s","sector":"HEALTH",
                 "actor":{"userId":"u1","role":"health-worker","agency":"h1"},"occurredAt":"2026-03-02T08:52:10+06:00"}
                """.formatted(CASE);
        HandoffEvent event = EventJson.read(EventTypes.REFERRAL_ACCEPTED, json.getBytes(StandardCharsets.UTF_8));
        ReferralAccepted accepted = assertInstanceOf(ReferralAccepted.class, event);
        assertEquals(Instant.parse("2026-03-02T02:52:10Z"), accepted.occurredAt(), "offsets are normalised to UTC");
        assertEquals(CASE, accepted.caseId());
    }

    @Test
    void badPayloadsAreInvalidEvents() {
        byte[] missingReason = """
                {"referralId":"c0ffee00-1234-4abc-8def-0123456789ab","caseId":"%s","sector":"HEALTH",
                 "actor":{"userId":"u1","role":"health-worker","agency":"h1"},"occurredAt":"2026-03-02T08:52:10Z"}
                """.formatted(CASE).getBytes(StandardCharsets.UTF_8);
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventJson.read(EventTypes.REFERRAL_DECLINED, missingReason));
        assertTrue(e.getMessage().contains("reason is required"), e.getMessage());

        assertThrows(InvalidEventException.class,
                () -> EventJson.read(EventTypes.REFERRAL_ACCEPTED, "{not json".getBytes(StandardCharsets.UTF_8)));
        assertThrows(InvalidEventException.class,
                () -> EventJson.read("org.handoff.unknown.v1", "{}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(InvalidEventException.class, () -> EventJson.read(EventTypes.REFERRAL_ACCEPTED, null));
        assertThrows(InvalidEventException.class, () -> EventJson.read(EventTypes.NOTIFICATION_SENT,
                ("{\"notificationId\":\"" + UUID.randomUUID() + "\",\"caseId\":\"" + CASE + "\",\"reason\":\"GOSSIP\"}")
                        .getBytes(StandardCharsets.UTF_8)), "enum values are closed within a version");
    }

    @Test
    void configureAppliesTheSameSettingsToAnotherMapper() throws Exception {
        ObjectMapper other = EventJson.configure(new ObjectMapper());
        NotificationAcknowledged ack = new NotificationAcknowledged(UUID.randomUUID(), CASE, null, DUTY,
                Instant.parse("2026-03-02T08:47:30Z"));
        assertEquals(EventJson.toJson(ack), other.writeValueAsString(ack));
        assertEquals(ack, other.readValue(EventJson.toBytes(ack), NotificationAcknowledged.class));
        assertSame(EventJson.mapper(), EventJson.mapper());
    }
}
