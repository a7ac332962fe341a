package org.handoff.plumbing.deadletter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.cloudevents.CloudEvents;
import org.handoff.plumbing.cloudevents.EventContext;
import org.handoff.plumbing.consumer.EventConsumer;
import org.handoff.plumbing.consumer.IncomingEvents;
import org.handoff.plumbing.consumer.ReplayOutcome;
import org.handoff.plumbing.paging.Page;
import org.handoff.plumbing.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Browse and replay of the dead letters of this service's consumers, written once for every service.
 * A service sees the records its own consumers dead-lettered (a DLQ shared with another service's
 * consumer shows each only its own), and a replay runs the event through that same consumer bean
 * and {@link IncomingEvents#replay}: the live path, ledger and all, so it never applies an effect twice.
 * Every call is in the audit chain: who listed or read what, who replayed which record, and the outcome.
 */
@ApplicationScoped
public class DeadLetterService {

    static final String TARGET = "dead-letter";

    private final DeadLetterTopics topics;
    private final DeadLetterReader reader;
    private final ReplayLedger ledger;
    private final IncomingEvents incoming;
    private final Map<String, EventConsumer<?>> consumers = new HashMap<>();
    private final AuditLog audit;
    private final Vertx vertx;
    private final Clock clock;

    public DeadLetterService(DeadLetterTopics topics, DeadLetterReader reader, ReplayLedger ledger, IncomingEvents incoming,
                             @Any Instance<EventConsumer<?>> consumers, AuditLog audit, Vertx vertx, Clock clock) {
        this.topics = topics;
        this.reader = reader;
        this.ledger = ledger;
        this.incoming = incoming;
        consumers.forEach(consumer -> this.consumers.put(consumer.name(), consumer));
        this.audit = audit;
        this.vertx = vertx;
        this.clock = clock;
    }

    /** The matching dead letters, newest first. */
    public Uni<Page<DeadLetter>> list(DeadLetterFilter filter, int page, int size, AuditLog.Who who) {
        return matching(filter)
                .call(all -> audited(who, "dead-letters.list", filter.topic() == null ? "*" : filter.topic(),
                        "matched " + all.size() + " " + describe(filter)))
                .map(all -> Page.of(all, page, size));
    }

    /** Every matching dead letter of this service, newest first; unaudited (callers audit what they do with it). */
    Uni<List<DeadLetter>> matching(DeadLetterFilter filter) {
        return blocking(() -> reader.readAll(topics.all()))
                .chain(records -> ledger.all().map(replays -> records.stream()
                        .map(record -> DeadLetter.of(record, replays.of(record)))
                        .filter(deadLetter -> consumers.containsKey(deadLetter.consumer()))
                        .filter(filter::matches)
                        .sorted(Comparator.comparing(DeadLetter::deadLetteredAt, Comparator.nullsLast(Comparator.reverseOrder()))
                                .thenComparing(deadLetter -> deadLetter.position().toString()))
                        .toList()));
    }

    public Uni<DeadLetter> get(DeadLetterPosition position, AuditLog.Who who) {
        return find(position)
                .chain(record -> ledger.all().map(replays -> DeadLetter.of(record, replays.of(record))))
                .call(deadLetter -> audited(who, "dead-letter.read", position.toString(), deadLetter.eventId()));
    }

    /**
     * Applies the dead letter again through the consumer that gave up on it and stores the outcome
     * with its audit entry. A database or broker that is down fails the call (nothing recorded):
     * {@link org.handoff.plumbing.consumer.InfrastructureUnavailableException}.
     */
    public Uni<ReplayResult> replay(DeadLetterPosition position, AuditLog.Who who) {
        return find(position).chain(record -> {
            DeadLetter deadLetter = DeadLetter.of(record, null);
            EventConsumer<?> consumer = consumers.get(deadLetter.consumer());
            EventContext envelope = CloudEvents.fromHeaders(record.headers(), deadLetter.original().topic(),
                    deadLetter.original().partition() == null ? -1 : deadLetter.original().partition(),
                    deadLetter.original().offset() == null ? -1 : deadLetter.original().offset()).orElse(null);
            return incoming.replay(consumer, List.of(new AbstractMap.SimpleImmutableEntry<>(envelope, record.value())))
                    .map(outcomes -> outcomes.get(0))
                    .chain(outcome -> store(position, deadLetter.eventId(), outcome, who));
        });
    }

    private Uni<ReplayResult> store(DeadLetterPosition position, String eventId, ReplayOutcome outcome, AuditLog.Who who) {
        DeadLetterStatus status = DeadLetterStatus.of(outcome.result());
        Instant at = Instant.now(clock);
        return Panache.withTransaction(() -> ledger.record(position, eventId, status, outcome.error(), who.user(), at)
                        .chain(() -> audit.record(who, "dead-letter.replay", TARGET, position.toString(),
                                "event " + eventId + ": " + status.label() + (outcome.error() == null ? "" : " (" + outcome.error() + ")"))))
                .map(ignored -> new ReplayResult(position, eventId, status, outcome.error()));
    }

    /** The record at that position, if it is one of this service's dead letters; else 404. */
    private Uni<ConsumerRecord<String, String>> find(DeadLetterPosition position) {
        if (!topics.isOurs(position.topic())) {
            return Uni.createFrom().failure(ProblemException.notFound("dead-letter topic " + position.topic()));
        }
        return blocking(() -> reader.read(position.topic(), position.partition(), position.offset()))
                .map(found -> found
                        .filter(record -> consumers.containsKey(DeadLetter.of(record, null).consumer()))
                        .orElseThrow(() -> ProblemException.notFound("dead letter " + position)));
    }

    Uni<Void> audited(AuditLog.Who who, String action, String target, String detail) {
        return Panache.withTransaction(() -> audit.record(who, action, TARGET, target, detail));
    }

    static String describe(DeadLetterFilter filter) {
        return "topic=" + filter.topic() + " type=" + filter.type() + " caseId=" + filter.caseId()
                + " since=" + filter.since() + " status=" + (filter.status() == null ? null : filter.status().label());
    }

    /** Broker reads block: on a worker thread, resuming on the caller's Vert.x context (where the reactive session lives). */
    private <T> Uni<T> blocking(Callable<T> work) {
        return Uni.createFrom().completionStage(() -> vertx.executeBlocking(work, false).toCompletionStage());
    }
}
