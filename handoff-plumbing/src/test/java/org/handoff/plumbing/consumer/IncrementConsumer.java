package org.handoff.plumbing.consumer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A business change (a counter) made through the library's idempotent path. */
@ApplicationScoped
public class IncrementConsumer {

    static final String TYPE = "org.handoff.test.increment.v1";
    private static final String UPSERT = "INSERT INTO test_counter (name, value) VALUES (:name, :by)"
            + " ON CONFLICT (name) DO UPDATE SET value = test_counter.value + :by";

    private final IncomingEvents incoming;

    public IncrementConsumer(IncomingEvents incoming) {
        this.incoming = incoming;
    }

    @Incoming("test-increments")
    public Uni<Void> consume(Message<String> message) {
        return incoming.handle(message, "test-increments", Increment.class, (event, context) -> {
            if (event.by() < 0) {
                throw new PoisonEventException("increments must not be negative");
            }
            return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                    .setParameter("name", event.counter())
                    .setParameter("by", event.by())
                    .executeUpdate()).replaceWithVoid();
        });
    }

    public static Uni<Integer> value(String counter) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT value FROM test_counter WHERE name = :name", Integer.class)
                .setParameter("name", counter)
                .getResultList()
                .map(values -> values.isEmpty() ? 0 : values.get(0))));
    }
}
