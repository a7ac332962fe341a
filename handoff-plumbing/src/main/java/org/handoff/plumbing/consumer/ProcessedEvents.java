package org.handoff.plumbing.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The idempotent-consumer ledger: the processed event ids and the business change commit together,
 * so a redelivered event finds its id already recorded and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    /**
     * One statement for a whole batch: the ids are handed over as one JSON array (no per-id round
     * trip; bound as text, since a string bound as jsonb would arrive as one JSON string), and
     * RETURNING names exactly the ids this consumer had not recorded before. The same statement marks
     * the transaction as one whose relay is woken in-process after the commit, so the outbox trigger
     * sends no NOTIFY for it (V0_6).
     */
    private static final String RECORD_NEW = "WITH woken_locally AS ("
            + " SELECT set_config('handoff.outbox_woken_locally', 'on', true))"
            + " INSERT INTO processed_event (consumer, event_id)"
            + " SELECT :consumer, id FROM jsonb_array_elements_text(cast(cast(:ids AS text) AS jsonb)) AS ids(id), woken_locally"
            + " ON CONFLICT DO NOTHING RETURNING event_id";

    private final ObjectMapper json;

    public ProcessedEvents(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Records the ids in the caller's transaction.
     *
     * @return the ids that were new: only their events may be applied
     */
    public Uni<Set<String>> recordNew(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD_NEW, String.class)
                .setParameter("consumer", consumer)
                .setParameter("ids", asJson(eventIds))
                .getResultList()
                .map((List<String> fresh) -> new HashSet<>(fresh)));
    }

    private String asJson(Collection<String> ids) {
        try {
            return json.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event ids cannot be written as JSON", e);
        }
    }
}
