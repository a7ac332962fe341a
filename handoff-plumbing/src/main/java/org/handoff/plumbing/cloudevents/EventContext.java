package org.handoff.plumbing.cloudevents;

import java.time.Instant;

/** The CloudEvents envelope of a consumed event, handed to business code beside the payload. */
public record EventContext(String id, String type, String source, Instant time, String subject,
                           String correlationId, String topic, int partition, long offset) {
}
