package org.handoff.plumbing.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A row written in the same transaction as the state change it announces. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    public String topic;

    @Column(name = "message_key")
    public String messageKey;

    public String type;

    public String source;

    public String subject;

    @Column(name = "correlation_id")
    public String correlationId;

    /** The trace context of the request or event that caused the row, sent on as the traceparent header. */
    @Column(name = "trace_parent")
    public String traceParent;

    public String payload;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
