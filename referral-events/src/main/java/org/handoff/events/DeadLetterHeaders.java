package org.handoff.events;

/**
 * Headers added to a record moved to a dead-letter topic ({@link Topics#dlq(String)}), next to its
 * original {@code ce_*} headers, key and payload. The names are those of SmallRye Reactive Messaging's
 * Kafka {@code dead-letter-queue} failure strategy, so either path produces the same records.
 */
public final class DeadLetterHeaders {

    /** The error message. */
    public static final String REASON = "dead-letter-reason";
    /** The cause's message, if any. */
    public static final String CAUSE = "dead-letter-cause";
    public static final String EXCEPTION_CLASS_NAME = "dead-letter-exception-class-name";
    public static final String CAUSE_CLASS_NAME = "dead-letter-cause-class-name";
    /** The topic the record was consumed from. */
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** The consumer (service and channel) that gave up on the record: a topic read by several services has one DLQ. */
    public static final String CONSUMER = "dead-letter-consumer";
    /** How many times that consumer tried the record before giving up. */
    public static final String ATTEMPTS = "dead-letter-attempts";

    private DeadLetterHeaders() {
    }
}
