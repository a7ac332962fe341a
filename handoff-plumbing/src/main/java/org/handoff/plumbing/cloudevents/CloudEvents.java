package org.handoff.plumbing.cloudevents;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.handoff.plumbing.tracing.TraceContext;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Binary-mode CloudEvents mapping: ce_* Kafka headers plus the {@code correlationid} extension. */
public final class CloudEvents {

    public static final String CORRELATION_ID = "correlationid";
    public static final String JSON = "application/json";

    private CloudEvents() {
    }

    /** What the relay needs of an outbox row to build the envelope. */
    public interface Envelope {
        /** The W3C trace context the row was appended under; null when none. */
        String traceParent();

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

    /**
     * Reads the envelope from the ce_* headers of a raw record (a dead letter read back for replay),
     * placed at the given topic, partition and offset: where the event was first consumed from.
     */
    public static Optional<EventContext> fromHeaders(Headers headers, String topic, int partition, long offset) {
        String id = header(headers, "ce_id");
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String time = header(headers, "ce_time");
        Instant at;
        try {
            at = time == null ? null : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            at = null;
        }
        return Optional.of(new EventContext(id, header(headers, "ce_type"), header(headers, "ce_source"), at,
                header(headers, "ce_subject"), header(headers, "ce_" + CORRELATION_ID), topic, partition, offset,
                header(headers, TraceContext.HEADER)));
    }

    /** The last value of a header as UTF-8 text; null when absent. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
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
                kafka.map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L),
                kafka.map(record -> header(record.getHeaders(), TraceContext.HEADER)).orElse(null)));
    }
}
