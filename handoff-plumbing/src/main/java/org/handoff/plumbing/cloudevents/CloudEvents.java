package org.handoff.plumbing.cloudevents;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Binary-mode CloudEvents mapping: ce_* Kafka headers plus the {@code correlationid} extension. */
public final class CloudEvents {

    public static final String CORRELATION_ID = "correlationid";
    public static final String JSON = "application/json";

    private CloudEvents() {
    }

    /** What the relay needs of an outbox row to build the envelope. */
    public interface Envelope {
        java.util.UUID id();

        String type();

        String source();

        String subject();

        String correlationId();

        java.time.OffsetDateTime occurredAt();
    }

    public static OutgoingCloudEventMetadata<String> outgoing(Envelope row) {
        var builder = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.id().toString())
                .withType(row.type())
                .withSource(URI.create(row.source()))
                .withDataContentType(JSON)
                .withTimestamp(row.occurredAt().atZoneSameInstant(ZoneOffset.UTC));
        if (row.subject() != null) {
            builder.withSubject(row.subject());
        }
        if (row.correlationId() != null) {
            builder.withExtension(CORRELATION_ID, row.correlationId());
        }
        return builder.build();
    }

    /** Reads the envelope of a consumed message; empty when it carries no CloudEvent id. */
    public static Optional<EventContext> incoming(Message<?> message) {
        Optional<IncomingCloudEventMetadata<?>> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(meta -> (IncomingCloudEventMetadata<?>) meta);
        if (ce.isEmpty() || ce.get().getId() == null || ce.get().getId().isBlank()) {
            return Optional.empty();
        }
        IncomingCloudEventMetadata<?> meta = ce.get();
        Optional<IncomingKafkaRecordMetadata> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (IncomingKafkaRecordMetadata) m);
        return Optional.of(new EventContext(
                meta.getId(),
                meta.getType(),
                meta.getSource() == null ? null : meta.getSource().toString(),
                meta.getTimeStamp().map(ZonedDateTime::toInstant).orElse(null),
                meta.getSubject().orElse(null),
                meta.<Object>getExtension(CORRELATION_ID).map(Object::toString).orElse(null),
                kafka.map(IncomingKafkaRecordMetadata::getTopic).orElse(null),
                kafka.map(IncomingKafkaRecordMetadata::getPartition).orElse(-1),
                kafka.map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L)));
    }
}
