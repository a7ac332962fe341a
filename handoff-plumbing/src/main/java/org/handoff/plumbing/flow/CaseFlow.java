package org.handoff.plumbing.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.handoff.plumbing.NativeRows;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.tracing.TraceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One case's events as this service saw them: what it produced (its outbox rows, with when each was
 * committed and when the broker acknowledged it) and what its consumers applied (its processed-event
 * ledger, with the producer's time and the time applied). Ids, types, topics and times only: events
 * carry no survivor data. Joining the five services' answers by event id gives the whole flow, hop by hop.
 */
@ApplicationScoped
public class CaseFlow {

    private static final String PRODUCED = "SELECT cast(id AS text), type, topic, occurred_at, sent_at, trace_parent FROM outbox_message"
            + " WHERE subject = :caseId ORDER BY position";
    private static final String CONSUMED = "SELECT consumer, event_id, event_type, topic, produced_at, processed_at, trace_id"
            + " FROM processed_event WHERE subject = :caseId ORDER BY processed_at, event_id";

    /** What one service did with one case's events. */
    public record View(String service, String caseId, List<Produced> produced, List<Consumed> consumed) {
    }

    /** An event this service produced: committed at {@code occurredAt}, acknowledged by the broker at {@code publishedAt}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Produced(String eventId, String type, String topic, Instant occurredAt, Instant publishedAt,
                           Duration publishLatency, String traceId) {
    }

    /** An event one of its consumers applied; {@code latency} runs from the producer's time to the apply. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Consumed(String consumer, String eventId, String type, String topic, Instant producedAt,
                           Instant appliedAt, Duration latency, String traceId) {
    }

    private final String service;
    private final AuditLog audit;

    public CaseFlow(@ConfigProperty(name = "quarkus.application.name") String service, AuditLog audit) {
        this.service = service;
        this.audit = audit;
    }

    public Uni<View> of(String caseId, AuditLog.Who who) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(PRODUCED, Object[].class).setParameter("caseId", caseId).getResultList()
                .chain(produced -> session.createNativeQuery(CONSUMED, Object[].class).setParameter("caseId", caseId)
                        .getResultList()
                        .map(consumed -> new View(service, caseId,
                                produced.stream().map(CaseFlow::produced).toList(),
                                consumed.stream().map(CaseFlow::consumed).toList())))
                .call(view -> audit.record(who, "case.flow.read", "case", caseId,
                        view.produced().size() + " produced, " + view.consumed().size() + " consumed"))));
    }

    private static Produced produced(Object[] row) {
        Instant occurred = NativeRows.instant(row[3]);
        Instant published = NativeRows.instant(row[4]);
        return new Produced((String) row[0], (String) row[1], (String) row[2], occurred, published,
                published == null ? null : Duration.between(occurred, published), TraceContext.traceId((String) row[5]));
    }

    private static Consumed consumed(Object[] row) {
        Instant produced = NativeRows.instant(row[4]);
        Instant applied = NativeRows.instant(row[5]);
        return new Consumed((String) row[0], (String) row[1], (String) row[2], (String) row[3], produced, applied,
                produced == null ? null : Duration.between(produced, applied), (String) row[6]);
    }

}
