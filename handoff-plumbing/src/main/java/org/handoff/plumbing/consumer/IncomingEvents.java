package org.handoff.plumbing.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.plumbing.MessagingConfig;
import org.handoff.plumbing.cloudevents.EventContext;
import org.handoff.plumbing.outbox.Outbox;
import org.handoff.plumbing.outbox.OutboxRelay;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every consumer's path from a Kafka poll to committed changes. A consumer takes what one poll
 * returns ({@code batch=true}) and hands it here; the batch is applied in one transaction, with the
 * processed-event ids recorded by one statement so redelivered events drop out before any work, then
 * each record is acknowledged (or dead-lettered), so offsets are committed only after the database.
 * <p>
 * Failures are told apart ({@link FailureKind}): an event's own fault sends that record alone to
 * {@code <its topic>.dlq} with the error in its headers while the rest of the batch commits; a
 * failure of the infrastructure is retried with backoff, holding the partition, until the part is
 * back, and is never dead-lettered. Within a batch events are applied in poll order, so one case's
 * events (one key, one partition) keep their order.
 */
@ApplicationScoped
public class IncomingEvents {

    /** Header on a dead-lettered record naming the consumer that gave up on it. */
    public static final String DEAD_LETTER_CONSUMER = "dead-letter-consumer";
    /** Header on a dead-lettered record: how many times the consumer tried it before giving up. */
    public static final String DEAD_LETTER_ATTEMPTS = "dead-letter-attempts";

    private final ObjectMapper json;
    private final ProcessedEvents ledger;
    private final MessagingConfig config;
    private final MeterRegistry metrics;
    private final Vertx vertx;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Tracer tracer;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public IncomingEvents(ObjectMapper json, ProcessedEvents ledger, MessagingConfig config, MeterRegistry metrics,
                          Vertx vertx, Outbox outbox, OutboxRelay relay, Tracer tracer) {
        this.json = json;
        this.ledger = ledger;
        this.config = config;
        this.metrics = metrics;
        this.vertx = vertx;
        this.outbox = outbox;
        this.relay = relay;
        this.tracer = tracer;
    }

    /** Applies one poll of a channel through its consumer; see the class comment for the guarantees. */
    public <T> Uni<Void> handle(KafkaRecordBatch<String, String> batch, EventConsumer<T> consumer) {
        BatchRun<T> run = new BatchRun<>(this, consumer, true);
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            run.read(record);
        }
        return applyAndWake(run, consumer).chain(run::settle);
    }

    /**
     * Applies dead letters again through the same path: the same ledger (a replayed event that was
     * applied meanwhile is {@code ALREADY_APPLIED}), the same split around a failing event, and the
     * same retries of an unknown failure. Nothing is acknowledged or dead-lettered again. A part that
     * is down fails the whole replay with {@link InfrastructureUnavailableException}; nothing was applied then
     * that a second replay would not find already applied.
     *
     * @param deadLetters each event's envelope as first consumed (null when it had none) and its payload
     * @return one outcome per dead letter, in the order given
     */
    public <T> Uni<List<ReplayOutcome>> replay(EventConsumer<T> consumer, List<Map.Entry<EventContext, String>> deadLetters) {
        BatchRun<T> run = new BatchRun<>(this, consumer, false);
        deadLetters.forEach(deadLetter -> run.read(deadLetter.getKey(), deadLetter.getValue()));
        return applyAndWake(run, consumer).map(ignored -> run.replayed());
    }

    private Uni<Void> applyAndWake(BatchRun<?> run, EventConsumer<?> consumer) {
        long appendedBefore = outbox.appendedSoFar();
        return run.applyAll()
                // committed: what the batch appended to the outbox goes out now, not at the next NOTIFY or poll
                .invoke(() -> {
                    if (outbox.appendedSoFar() != appendedBefore) {
                        relay.wake();
                    }
                    consumer.afterCommit();
                });
    }

    <T> T parse(String payload, Class<T> type) {
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

    ProcessedEvents ledger() {
        return ledger;
    }

    MessagingConfig.Consumer settings() {
        return config.consumer();
    }

    Tracer tracer() {
        return tracer;
    }

    Vertx vertx() {
        return vertx;
    }

    /** Meters are looked up once per consumer and outcome, not per event. */
    Counter counter(String name, String consumer, String tag, String value) {
        return counters.computeIfAbsent(name + '|' + consumer + '|' + value,
                key -> metrics.counter(name, "consumer", consumer, tag, value));
    }
}
