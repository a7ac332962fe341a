package org.handoff.plumbing.consumer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * The idempotent-consumer ledger: the processed event id and the business change commit together,
 * so a redelivered event finds its id already recorded and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String RECORD = "INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId)"
            + " ON CONFLICT DO NOTHING";

    /** @return true when the work ran, false when this consumer had already processed the event */
    public Uni<Boolean> processOnce(String consumer, String eventId, Supplier<Uni<Void>> work) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", eventId)
                        .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(false)
                        : work.get().replaceWith(true)));
    }
}
