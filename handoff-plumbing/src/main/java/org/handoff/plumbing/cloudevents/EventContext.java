package org.handoff.plumbing.cloudevents;

import java.time.Instant;

/**
 * The CloudEvents envelope of a consumed event, handed to business code beside the payload, with the
 * W3C trace context it was produced under ({@code traceparent} header; null when it carries none).
 */
public record EventContext(String id, String type, String source, Instant time, String subject,
                           String correlationId, String topic, int partition, long offset, String traceParent) {
}
