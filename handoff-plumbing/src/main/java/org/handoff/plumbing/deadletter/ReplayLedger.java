package org.handoff.plumbing.deadletter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.plumbing.NativeRows;
import org.handoff.plumbing.cloudevents.CloudEvents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The latest replay of each dead letter (table dead_letter_replay); the audit chain keeps them all. */
@ApplicationScoped
public class ReplayLedger {

    private static final String ALL = "SELECT dlq_topic, dlq_partition, dlq_offset, outcome, error, replayed_by, replayed_at, replays,"
            + " event_id"
            + " FROM dead_letter_replay";
    private static final String RECORD = "INSERT INTO dead_letter_replay"
            + " (dlq_topic, dlq_partition, dlq_offset, event_id, outcome, error, replayed_by, replayed_at)"
            + " VALUES (:topic, :partition, :offset, :eventId, :outcome, :error, :by, :at)"
            + " ON CONFLICT (dlq_topic, dlq_partition, dlq_offset) DO UPDATE SET outcome = excluded.outcome,"
            + " error = excluded.error, replayed_by = excluded.replayed_by, replayed_at = excluded.replayed_at,"
            + " replays = CASE WHEN dead_letter_replay.event_id IS NOT DISTINCT FROM excluded.event_id"
            + " THEN dead_letter_replay.replays + 1 ELSE 1 END, event_id = excluded.event_id";

    /**
     * The replays by DLQ position, each with the event id it replayed. A row counts for a dead letter only
     * if the ids agree: a DLQ topic deleted and made again (a new broker, a test stack) reuses offsets,
     * and an old row must not mark a new dead letter as replayed.
     */
    public record Replays(Map<DeadLetterPosition, Map.Entry<String, DeadLetter.LastReplay>> byPosition) {

        public DeadLetter.LastReplay of(ConsumerRecord<String, String> record) {
            var replayed = byPosition.get(new DeadLetterPosition(record.topic(), record.partition(), record.offset()));
            return replayed != null && java.util.Objects.equals(replayed.getKey(), CloudEvents.header(record.headers(), "ce_id"))
                    ? replayed.getValue() : null;
        }
    }

    /** Every replayed dead letter's last replay; the table holds one row per replayed DLQ record, so it stays small. */
    public Uni<Replays> all() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(ALL, Object[].class).getResultList()
                .map(rows -> {
                    Map<DeadLetterPosition, Map.Entry<String, DeadLetter.LastReplay>> byPosition = new HashMap<>();
                    for (Object[] row : (List<Object[]>) rows) {
                        byPosition.put(new DeadLetterPosition((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).longValue()),
                                Map.entry(String.valueOf(row[8]), new DeadLetter.LastReplay(DeadLetterStatus.fromLabel((String) row[3]).orElseThrow(),
                                        (String) row[4], (String) row[5], NativeRows.instant(row[6]), ((Number) row[7]).intValue())));
                    }
                    return new Replays(byPosition);
                })));
    }

    /** In the caller's transaction, beside the audit entry of the same replay. */
    public Uni<Void> record(DeadLetterPosition position, String eventId, DeadLetterStatus outcome, String error,
                            String by, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter("topic", position.topic())
                .setParameter("partition", position.partition())
                .setParameter("offset", position.offset())
                .setParameter("eventId", eventId)
                .setParameter("outcome", outcome.label())
                .setParameter("error", error)
                .setParameter("by", by)
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

}
