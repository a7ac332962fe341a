package org.handoff.plumbing.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.handoff.plumbing.MessagingConfig;
import org.handoff.plumbing.cloudevents.CloudEvents;
import org.handoff.plumbing.cloudevents.EventContext;

import java.util.Map;
import java.util.function.Function;

/**
 * Every consumer's path from a Kafka record to a committed change: read the envelope, parse the
 * payload, apply it at most once, then acknowledge so the offset is committed after the database.
 * Poison goes to the channel's dead-letter topic with the error in its headers and the partition
 * moves on; a transient failure is retried with backoff first.
 */
@ApplicationScoped
public class IncomingEvents {

    private final ObjectMapper json;
    private final ProcessedEvents ledger;
    private final MessagingConfig config;
    private final MeterRegistry metrics;

    public IncomingEvents(ObjectMapper json, ProcessedEvents ledger, MessagingConfig config, MeterRegistry metrics) {
        this.json = json;
        this.ledger = ledger;
        this.config = config;
        this.metrics = metrics;
    }

    public <T> Uni<Void> handle(Message<String> message, String consumer, Class<T> type, EventHandler<T> handler) {
        return handle(message, consumer, context -> type, handler);
    }

    /**
     * For a topic that carries several event types: picks the payload class by ce_type. A type this
     * consumer does not know is acknowledged and skipped (the contract only grows by addition).
     */
    public <T> Uni<Void> handle(Message<String> message, String consumer, Map<String, Class<? extends T>> typesByCeType,
                                EventHandler<T> handler) {
        return handle(message, consumer, context -> typesByCeType.get(context.type()), handler);
    }

    private <T> Uni<Void> handle(Message<String> message, String consumer,
                                 Function<EventContext, Class<? extends T>> typeOf, EventHandler<T> handler) {
        EventContext context = CloudEvents.incoming(message).orElse(null);
        if (context == null) {
            return reject(message, consumer, new PoisonEventException("not a CloudEvent: the ce_id header is missing"));
        }
        Class<? extends T> type = typeOf.apply(context);
        if (type == null) {
            metrics.counter("handoff.events.consumed", "consumer", consumer, "outcome", "ignored-type").increment();
            return Uni.createFrom().completionStage(message.ack());
        }
        T event;
        try {
            event = parse(message.getPayload(), type);
        } catch (PoisonEventException e) {
            return reject(message, consumer, e);
        }
        return ledger.processOnce(consumer, context.id(), () -> handler.handle(event, context))
                .onFailure(failure -> !(failure instanceof PoisonEventException))
                .retry().withBackOff(config.consumer().initialBackoff()).atMost(config.consumer().maxRetries())
                .onItemOrFailure().transformToUni((processed, failure) -> {
                    if (failure != null) {
                        return reject(message, consumer, failure);
                    }
                    metrics.counter("handoff.events.consumed", "consumer", consumer,
                            "outcome", processed ? "processed" : "duplicate").increment();
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    private <T> T parse(String payload, Class<T> type) {
        if (payload == null || payload.isBlank()) {
            throw new PoisonEventException("empty payload");
        }
        try {
            T event = json.readValue(payload, type);
            if (event == null) {
                throw new PoisonEventException("payload is JSON null");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("payload is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private Uni<Void> reject(Message<String> message, String consumer, Throwable failure) {
        Log.warnf("event to dead-letter topic (consumer %s): %s", consumer, failure.getMessage());
        metrics.counter("handoff.events.consumed", "consumer", consumer, "outcome", "dead-lettered").increment();
        return Uni.createFrom().completionStage(message.nack(failure));
    }
}
