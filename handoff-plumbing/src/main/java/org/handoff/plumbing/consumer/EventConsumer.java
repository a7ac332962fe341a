package org.handoff.plumbing.consumer;

import io.smallrye.mutiny.Uni;
import org.handoff.plumbing.cloudevents.EventContext;

import java.util.Map;

/**
 * A service's reaction to the events of one channel, as a bean: the channel's {@code @Incoming}
 * method hands each poll to {@link IncomingEvents#handle(io.smallrye.reactive.messaging.kafka.KafkaRecordBatch, EventConsumer)},
 * and a dead-letter replay finds the same bean by {@link #name()} — so a replayed event takes exactly
 * the path live traffic takes.
 */
public interface EventConsumer<T> {

    /**
     * Stable name, unique within the service: written into the {@code dead-letter-consumer} header of
     * what it dead-letters and used as the processed-event scope, so it must not change between releases.
     */
    String name();

    /** The payload class for this envelope's ce_type; null when the type is not this consumer's concern (skipped). */
    Class<? extends T> payloadType(EventContext envelope);

    /** Runs inside the transaction that also records the event as processed. */
    Uni<Void> apply(T event, EventContext envelope);

    /** Called after a batch (or a replay) that ran {@link #apply} committed, e.g. to wake workers for what it created. */
    default void afterCommit() {
    }

    /** The usual {@link #payloadType}: a fixed map from ce_type to payload class. */
    static <T> Class<? extends T> byType(Map<String, Class<? extends T>> types, EventContext envelope) {
        return types.get(envelope.type());
    }
}
