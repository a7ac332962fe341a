package org.handoff.plumbing.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import org.handoff.plumbing.cloudevents.EventContext;
import org.handoff.plumbing.tracing.TraceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The idempotent-consumer ledger: the processed event ids and the business change commit together,
 * so a redelivered event finds its id already recorded and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    /**
     * One statement for a whole batch: the events are handed over as one JSON array (no per-id round
     * trip; bound as text, since a string bound as jsonb would arrive as one JSON string), and
     * RETURNING names exactly the ids this consumer had not recorded before. Each row also keeps the
     * event's type, case, topic and production time, for the per-case flow. The same statement marks
     * the transaction as one whose relay is woken in-process after the commit, so the outbox trigger
     * sends no NOTIFY for it (V0_6).
     */
    private static final String RECORD_NEW = "WITH woken_locally AS ("
            + " SELECT set_config('handoff.outbox_woken_locally', 'on', true))"
            + " INSERT INTO processed_event (consumer, event_id, event_type, subject, topic, produced_at, trace_id)"
            + " SELECT :consumer, e.id, e.type, e.subject, e.topic, e.produced_at, e.trace_id"
            + " FROM jsonb_to_recordset(cast(cast(:events AS text) AS jsonb))"
            + " AS e(id text, type text, subject text, topic text, produced_at timestamptz, trace_id text), woken_locally"
            + " ON CONFLICT DO NOTHING RETURNING event_id";

    private final ObjectMapper json;

    public ProcessedEvents(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Records the events in the caller's transaction.
     *
     * @return the ids that were new: only their events may be applied
     */
    public Uni<Set<String>> recordNew(String consumer, Collection<EventContext> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD_NEW, String.class)
                .setParameter("consumer", consumer)
                .setParameter("events", asJson(events))
                .getResultList()
                .map((List<String> fresh) -> new HashSet<>(fresh)));
    }

    private String asJson(Collection<EventContext> events) {
        List<Map<String, String>> rows = new ArrayList<>(events.size());
        for (EventContext event : events) {
            Map<String, String> row = new HashMap<>();
            row.put("id", event.id());
            row.put("type", event.type());
            row.put("subject", event.subject());
            row.put("topic", event.topic());
            row.put("produced_at", event.time() == null ? null : event.time().toString());
            row.put("trace_id", TraceContext.traceId(event.traceParent()));
            rows.add(row);
        }
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("events cannot be written as JSON", e);
        }
    }
}
