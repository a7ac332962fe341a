package org.handoff.plumbing.outbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.handoff.plumbing.cloudevents.CloudEvents;
import org.handoff.plumbing.tracing.TraceContext;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sends claimed rows to Kafka and completes only when the broker has acknowledged every one (acks=all). */
@ApplicationScoped
public class OutboxPublisher {

    private final MutinyEmitter<String> emitter;

    public OutboxPublisher(@Channel("handoff-outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                           MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(List<ClaimedMessage> batch) {
        List<Uni<Void>> sends = batch.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(ClaimedMessage row) {
        var kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.key());
        if (row.traceParent() != null) {
            // the trace of the request or event that caused the row, not the relay's (its tracing is off)
            kafka.withHeaders(new RecordHeaders().add(TraceContext.HEADER, row.traceParent().getBytes(StandardCharsets.UTF_8)));
        }
        Metadata metadata = Metadata.of(kafka.build(), CloudEvents.outgoing(row));
        return emitter.sendMessage(Message.of(row.payload(), metadata));
    }
}
