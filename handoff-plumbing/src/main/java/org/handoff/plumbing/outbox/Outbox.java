package org.handoff.plumbing.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.plumbing.MessagingConfig;
import org.handoff.plumbing.tracing.TraceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends events to the outbox inside the caller's transaction. Callers must already be in a
 * Hibernate Reactive transaction ({@code @WithTransaction} or {@code Panache.withTransaction}); the
 * event then exists exactly when the state change does.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final MessagingConfig config;
    private final Clock clock;
    /** Rows appended by this instance so far; a consumer that sees it grow wakes the relay after its commit. */
    private final AtomicLong appended = new AtomicLong();

    public Outbox(ObjectMapper json, MessagingConfig config, Clock clock) {
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    public Uni<OutboxMessage> append(OutgoingEvent event) {
        OutboxMessage row = new OutboxMessage();
        row.id = event.id();
        row.topic = config.topic(event.topic());
        row.messageKey = event.key();
        row.type = event.type();
        row.source = config.source();
        row.subject = event.subject();
        row.correlationId = event.correlationId();
        row.traceParent = TraceContext.current();
        row.payload = toJson(event.payload());
        row.occurredAt = Instant.now(clock);
        appended.incrementAndGet();
        return row.persist();
    }

    public long appendedSoFar() {
        return appended.get();
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be serialised: " + e.getOriginalMessage(), e);
        }
    }
}
