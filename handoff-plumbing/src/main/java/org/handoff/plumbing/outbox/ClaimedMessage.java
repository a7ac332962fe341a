package org.handoff.plumbing.outbox;

import io.vertx.mutiny.sqlclient.Row;
import org.handoff.plumbing.cloudevents.CloudEvents;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An unsent outbox row, locked by the relay transaction that claimed it. */
record ClaimedMessage(UUID id, String topic, String key, String type, String source, String subject,
                      String correlationId, String payload, OffsetDateTime occurredAt, String traceParent)
        implements CloudEvents.Envelope {

    static final String COLUMNS = "id, topic, message_key, type, source, subject, correlation_id, payload, occurred_at,"
            + " trace_parent";

    static ClaimedMessage from(Row row) {
        return new ClaimedMessage(row.getUUID("id"), row.getString("topic"), row.getString("message_key"),
                row.getString("type"), row.getString("source"), row.getString("subject"),
                row.getString("correlation_id"), row.getString("payload"), row.getOffsetDateTime("occurred_at"),
                row.getString("trace_parent"));
    }
}
