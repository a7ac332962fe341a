package org.handoff.plumbing.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * An event a service wants published once its transaction commits.
 *
 * @param topic         logical topic name (the configured prefix is added on append)
 * @param key           Kafka key; the case id, so one case's events stay in order
 * @param type          CloudEvent type, e.g. org.handoff.case.reported.v1
 * @param subject       CloudEvent subject: the case id
 * @param correlationId carried from the first report through every hop
 * @param payload       serialised to JSON
 */
public record OutgoingEvent(UUID id, String topic, String key, String type, String subject,
                            String correlationId, Object payload) {

    public OutgoingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    public static OutgoingEvent of(String topic, String caseId, String type, String correlationId, Object payload) {
        return new OutgoingEvent(UUID.randomUUID(), topic, caseId, type, caseId, correlationId, payload);
    }
}
