package org.handoff.plumbing.consumer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.plumbing.cloudevents.EventContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A business change (a counter) made through the library's idempotent batch path. A counter listed
 * in test_blocked_counter refuses increments (the event's fault, dead-lettered) until it is unblocked:
 * a condition an administrator can fix before replaying.
 */
@ApplicationScoped
public class IncrementConsumer implements EventConsumer<Increment> {

    static final String TYPE = "org.handoff.test.increment.v1";
    static final String NAME = "test-increments";
    private static final String BLOCKED = "SELECT count(*) FROM test_blocked_counter WHERE name = :name";
    private static final String ADD = "INSERT INTO test_counter (name, value) VALUES (:name, :by)"
            + " ON CONFLICT (name) DO UPDATE SET value = test_counter.value + :by";
    private static final String SHIFT = "INSERT INTO test_counter (name, value) VALUES (:name, :by)"
            + " ON CONFLICT (name) DO UPDATE SET value = test_counter.value * 10 + :by";
    private static final String DROP_MY_CONNECTION = "SELECT pg_terminate_backend(pg_backend_pid())";

    /** The ce_ids of each batch this consumer was handed, in order: lets a test check its records came in one poll. */
    static final List<List<String>> BATCHES = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> DROPPED = new ConcurrentHashMap<>();

    private final IncomingEvents incoming;

    public IncrementConsumer(IncomingEvents incoming) {
        this.incoming = incoming;
    }

    @Incoming("test-increments")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        BATCHES.add(batch.getRecords().stream()
                .map(record -> org.handoff.plumbing.cloudevents.CloudEvents.incoming(record)
                        .map(context -> context.id()).orElse("?"))
                .toList());
        return incoming.handle(batch, this);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<? extends Increment> payloadType(EventContext envelope) {
        return TYPE.equals(envelope.type()) ? Increment.class : null;
    }

    @Override
    public Uni<Void> apply(Increment event, EventContext context) {
        if (event.by() < 0) {
            throw new PoisonEventException("increments must not be negative");
        }
        AtomicInteger dropped = DROPPED.computeIfAbsent(context.id(), id -> new AtomicInteger());
        if (event.dropConnections() != null && dropped.get() < event.dropConnections()) {
            dropped.incrementAndGet();
            return Panache.getSession().chain(session -> session.createNativeQuery(DROP_MY_CONNECTION)
                    .getSingleResult()).replaceWithVoid();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(BLOCKED, Long.class)
                .setParameter("name", event.counter()).getSingleResult()
                .chain(blocked -> {
                    if (blocked > 0) {
                        throw new PoisonEventException("counter " + event.counter() + " is blocked");
                    }
                    return session.createNativeQuery(Boolean.TRUE.equals(event.shift()) ? SHIFT : ADD)
                            .setParameter("name", event.counter())
                            .setParameter("by", event.by())
                            .executeUpdate();
                })).replaceWithVoid();
    }

    static int connectionsDropped(String eventId) {
        AtomicInteger dropped = DROPPED.get(eventId);
        return dropped == null ? 0 : dropped.get();
    }

    public static Uni<Integer> value(String counter) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT value FROM test_counter WHERE name = :name", Integer.class)
                .setParameter("name", counter)
                .getResultList()
                .map(values -> values.isEmpty() ? 0 : values.get(0))));
    }
}
