package org.handoff.plumbing.consumer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.vertx.core.Context;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.handoff.plumbing.cloudevents.CloudEvents;
import org.handoff.plumbing.cloudevents.EventContext;
import org.handoff.plumbing.tracing.TraceContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One poll's records on their way through {@link IncomingEvents}: read, applied in as few
 * transactions as the failures allow, then acknowledged or dead-lettered one by one.
 * <p>
 * Invariants: a record is acknowledged only after the transaction that applied it (or found it
 * already applied) committed; a record is dead-lettered only for a fault of its own
 * ({@link FailureKind#EVENT}, or {@link FailureKind#UNKNOWN} after the configured retries), never
 * because a part was down; the records that are applied are applied in poll order.
 */
final class BatchRun<T> {

    private enum Outcome { PENDING, APPLIED, DUPLICATE, IGNORED, DEAD }

    /** One record and what became of it. */
    private final class Entry {
        /** The consumed record to acknowledge or dead-letter; null for a replayed dead letter. */
        final KafkaRecord<String, String> live;
        final String payload;
        EventContext context;
        T event;
        Outcome outcome = Outcome.PENDING;
        Throwable failure;
        int attempts = 1;

        Entry(KafkaRecord<String, String> live, String payload) {
            this.live = live;
            this.payload = payload;
        }

        void deadLetter(Throwable cause) {
            outcome = Outcome.DEAD;
            failure = cause;
        }
    }

    /** A handler failed on the entry at this index of the attempted list. */
    private static final class EntryFailure extends RuntimeException {
        final int index;

        EntryFailure(int index, Throwable cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
        }
    }

    private final IncomingEvents incoming;
    private final EventConsumer<T> consumer;
    /** Live traffic waits for a part that is down; a replay asked for by an administrator reports it instead. */
    private final boolean waitForInfrastructure;
    private final Context context = io.vertx.core.Vertx.currentContext();
    private final List<Entry> entries = new ArrayList<>();
    private final List<Entry> toApply = new ArrayList<>();
    private final Set<String> idsInBatch = new HashSet<>();

    BatchRun(IncomingEvents incoming, EventConsumer<T> consumer, boolean waitForInfrastructure) {
        this.incoming = incoming;
        this.consumer = consumer;
        this.waitForInfrastructure = waitForInfrastructure;
    }

    /** A record of the poll. */
    void read(KafkaRecord<String, String> record) {
        read(new Entry(record, record.getPayload()), CloudEvents.incoming(record).orElse(null));
    }

    /** A dead letter replayed: its envelope as first consumed (null when it had none) and its payload as stored. */
    void read(EventContext envelope, String payload) {
        read(new Entry(null, payload), envelope);
    }

    private void read(Entry entry, EventContext envelope) {
        entries.add(entry);
        if (envelope == null) {
            entry.deadLetter(new PoisonEventException("not a CloudEvent: the ce_id header is missing"));
            return;
        }
        entry.context = envelope;
        Class<? extends T> type = consumer.payloadType(envelope);
        if (type == null) {
            entry.outcome = Outcome.IGNORED;
            return;
        }
        if (!idsInBatch.add(envelope.id())) {
            // the same event twice in one poll: the first occurrence decides
            entry.outcome = Outcome.DUPLICATE;
            return;
        }
        try {
            entry.event = incoming.parse(entry.payload, type);
            toApply.add(entry);
        } catch (PoisonEventException e) {
            entry.deadLetter(e);
        }
    }

    Uni<Void> applyAll() {
        return apply(toApply, 1);
    }

    /** Applies the entries in one transaction, splitting around the one that fails for a reason of its own. */
    private Uni<Void> apply(List<Entry> batch, int attempt) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return transaction(batch).onFailure().recoverWithUni(failure -> {
            Throwable cause = unwrap(failure);
            if (FailureKind.of(cause) == FailureKind.INFRASTRUCTURE) {
                return waitForInfrastructure(cause, attempt).chain(() -> apply(batch, attempt + 1));
            }
            int index = failure instanceof EntryFailure f ? f.index : -1;
            if (index < 0) {
                // not one entry's fault as far as we can tell (e.g. the commit): one transaction each
                return batch.size() == 1 ? alone(batch.get(0), cause, 1) : each(batch);
            }
            // the entries before it succeeded in this attempt and will again; order is kept
            return apply(batch.subList(0, index), 1)
                    .chain(() -> alone(batch.get(index), cause, 1))
                    .chain(() -> apply(batch.subList(index + 1, batch.size()), 1));
        });
    }

    private Uni<Void> each(List<Entry> batch) {
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(entry -> apply(List.of(entry), 1))
                .collect().last().replaceWithVoid();
    }

    /** One entry that failed for a reason other than the infrastructure. */
    private Uni<Void> alone(Entry entry, Throwable failure, int retries) {
        FailureKind kind = FailureKind.of(failure);
        if (kind == FailureKind.EVENT || retries > incoming.settings().maxRetries()) {
            entry.attempts = retries;
            entry.deadLetter(failure);
            return Uni.createFrom().voidItem();
        }
        return sleep(backoff(retries)).chain(() -> transaction(List.of(entry))).onFailure().recoverWithUni(again -> {
            Throwable cause = unwrap(again);
            if (FailureKind.of(cause) == FailureKind.INFRASTRUCTURE) {
                return waitForInfrastructure(cause, 1).chain(() -> alone(entry, failure, retries));
            }
            return alone(entry, cause, retries + 1);
        });
    }

    /** The processed-event ids and every new event's change, in one transaction; outcomes are set after commit. */
    private Uni<Void> transaction(List<Entry> batch) {
        List<EventContext> events = batch.stream().map(entry -> entry.context).toList();
        return Panache.withTransaction(() -> incoming.ledger().recordNew(consumer.name(), events)
                        .call(fresh -> applyFresh(batch, fresh)))
                .invoke(fresh -> batch.forEach(entry ->
                        entry.outcome = fresh.contains(entry.context.id()) ? Outcome.APPLIED : Outcome.DUPLICATE))
                .replaceWithVoid();
    }

    private Uni<Void> applyFresh(List<Entry> batch, Set<String> fresh) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < batch.size(); i++) {
            Entry entry = batch.get(i);
            if (!fresh.contains(entry.context.id())) {
                continue;
            }
            int index = i;
            // flushed per event, so a constraint the event breaks is reported against that event
            chain = chain.chain(() -> traced(entry, () -> consumer.apply(entry.event, entry.context)
                            .chain(() -> Panache.getSession().chain(session -> session.flush())))
                    .onFailure().transform(failure -> new EntryFailure(index, failure)));
        }
        return chain;
    }

    /**
     * Applies one event in a span that continues the trace it was produced under, current while the
     * handler runs, so what the handler appends to the outbox carries the same trace on.
     */
    private Uni<Void> traced(Entry entry, java.util.function.Supplier<Uni<Void>> work) {
        Span span = incoming.tracer().spanBuilder(consumer.name() + " apply " + entry.context.type())
                .setParent(TraceContext.parent(entry.context.traceParent()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", String.valueOf(entry.context.topic()))
                .setAttribute("messaging.message.id", entry.context.id())
                .setAttribute("handoff.case.id", String.valueOf(entry.context.subject()))
                .startSpan();
        Scope scope = span.makeCurrent();
        Uni<Void> applied;
        try {
            applied = work.get();
        } catch (RuntimeException e) {
            applied = Uni.createFrom().failure(e);
        }
        return applied.onTermination().invoke((ignored, failure, cancelled) -> {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, failure.getMessage() == null ? failure.toString() : failure.getMessage());
            }
            span.end();
            scope.close();
        });
    }

    private Uni<Void> waitForInfrastructure(Throwable cause, int attempt) {
        if (!waitForInfrastructure) {
            return Uni.createFrom().failure(new InfrastructureUnavailableException(describe(cause), cause));
        }
        Duration delay = backoff(attempt);
        incoming.counter("handoff.events.consumer.waits", consumer.name(), "kind", "infrastructure").increment();
        Log.warnf("consumer %s: infrastructure unavailable (%s), holding the partition and retrying in %d ms (attempt %d)",
                consumer.name(), describe(cause), delay.toMillis(), attempt);
        return sleep(delay);
    }

    private Duration backoff(int attempt) {
        Duration initial = incoming.settings().initialBackoff();
        Duration max = incoming.settings().maxBackoff();
        long millis = initial.toMillis() << Math.min(attempt - 1, 20);
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** A timer that resumes on this batch's Vert.x context, where the reactive session must run. */
    private Uni<Void> sleep(Duration delay) {
        return Uni.createFrom().emitter(emitter -> incoming.vertx().setTimer(Math.max(1, delay.toMillis()), id -> {
            if (context != null) {
                context.runOnContext(ignored -> emitter.complete(null));
            } else {
                emitter.complete(null);
            }
        }));
    }

    /** Acknowledges every record that was applied, already applied or of no concern here; dead-letters the rest. */
    Uni<Void> settle() {
        List<Uni<Void>> settled = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            count(entry);
            if (entry.outcome == Outcome.DEAD) {
                Log.warnf("event to dead-letter topic (consumer %s, %s-%d@%d): %s", consumer.name(), entry.live.getTopic(),
                        entry.live.getPartition(), entry.context == null ? -1 : entry.context.offset(), describe(entry.failure));
                settled.add(Uni.createFrom().completionStage(() -> entry.live.nack(entry.failure, deadLetterMetadata(entry))));
            } else {
                settled.add(Uni.createFrom().completionStage(entry.live::ack));
            }
        }
        return settled.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(settled).andFailFast().replaceWithVoid();
    }

    /** What became of each replayed dead letter, in the order read; nothing is acknowledged or dead-lettered again. */
    List<ReplayOutcome> replayed() {
        return entries.stream().map(entry -> {
            count(entry);
            return switch (entry.outcome) {
                case APPLIED -> new ReplayOutcome(ReplayOutcome.Result.APPLIED, null, entry.attempts);
                case DUPLICATE -> new ReplayOutcome(ReplayOutcome.Result.ALREADY_APPLIED, null, entry.attempts);
                case DEAD -> new ReplayOutcome(ReplayOutcome.Result.FAILED_AGAIN, describe(entry.failure), entry.attempts);
                case IGNORED -> new ReplayOutcome(ReplayOutcome.Result.FAILED_AGAIN,
                        "consumer " + consumer.name() + " does not handle type " + entry.context.type(), entry.attempts);
                case PENDING -> throw new IllegalStateException("replay settled before it was applied");
            };
        }).toList();
    }

    private void count(Entry entry) {
        incoming.counter("handoff.events.consumed", consumer.name(), "outcome", outcomeTag(entry.outcome)).increment();
    }

    /** Dead letters go to {@code <the record's topic>.dlq}, whichever of its topics the channel read it from. */
    private Metadata deadLetterMetadata(Entry entry) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(IncomingEvents.DEAD_LETTER_CONSUMER, consumer.name().getBytes(StandardCharsets.UTF_8));
        headers.add(IncomingEvents.DEAD_LETTER_ATTEMPTS, Integer.toString(entry.attempts).getBytes(StandardCharsets.UTF_8));
        return Metadata.of(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(entry.live.getTopic() + ".dlq")
                .withHeaders(headers)
                .build());
    }

    private static String outcomeTag(Outcome outcome) {
        return switch (outcome) {
            case APPLIED -> "processed";
            case DUPLICATE -> "duplicate";
            case IGNORED -> "ignored-type";
            case DEAD -> "dead-lettered";
            case PENDING -> "pending";
        };
    }

    /** The handler's own failure, without the index it was tagged with. */
    private static Throwable unwrap(Throwable failure) {
        return failure instanceof EntryFailure tagged ? tagged.getCause() : failure;
    }

    static String describe(Throwable failure) {
        return failure == null ? "?" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
