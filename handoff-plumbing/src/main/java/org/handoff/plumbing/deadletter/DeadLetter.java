package org.handoff.plumbing.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.plumbing.cloudevents.CloudEvents;
import org.handoff.plumbing.consumer.IncomingEvents;

import java.time.Instant;

/**
 * A dead-lettered event as an administrator sees it: where it sits, where it came from, the
 * CloudEvent it carries, why its consumer gave up, and what its last replay did. The payload is as
 * stored; events carry no survivor PII (the contract's rule), only ids, codes and times.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(
        DeadLetterPosition position,
        Origin original,
        String eventId,
        String type,
        String caseId,
        String key,
        String consumer,
        String errorClass,
        String error,
        Integer attempts,
        Instant deadLetteredAt,
        String payload,
        DeadLetterStatus status,
        LastReplay lastReplay) {

    /** Where the event was consumed from when it failed. */
    public record Origin(String topic, Integer partition, Long offset) {
    }

    /** The latest replay of this record. */
    public record LastReplay(DeadLetterStatus outcome, String error, String by, Instant at, int replays) {
    }

    static final String TOPIC = "dead-letter-topic";
    static final String PARTITION = "dead-letter-partition";
    static final String OFFSET = "dead-letter-offset";
    static final String REASON = "dead-letter-reason";
    static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    static final String CAUSE_CLASS = "dead-letter-cause-class-name";

    /** Reads the headers the consumer wrote when it gave up (SmallRye's dead-letter-* and ours). */
    static DeadLetter of(ConsumerRecord<String, String> record, LastReplay lastReplay) {
        var headers = record.headers();
        String causeClass = CloudEvents.header(headers, CAUSE_CLASS);
        return new DeadLetter(
                new DeadLetterPosition(record.topic(), record.partition(), record.offset()),
                new Origin(CloudEvents.header(headers, TOPIC), integer(CloudEvents.header(headers, PARTITION)),
                        longOrNull(CloudEvents.header(headers, OFFSET))),
                CloudEvents.header(headers, "ce_id"),
                CloudEvents.header(headers, "ce_type"),
                CloudEvents.header(headers, "ce_subject"),
                record.key(),
                CloudEvents.header(headers, IncomingEvents.DEAD_LETTER_CONSUMER),
                causeClass != null ? causeClass : CloudEvents.header(headers, EXCEPTION_CLASS),
                CloudEvents.header(headers, REASON),
                integer(CloudEvents.header(headers, IncomingEvents.DEAD_LETTER_ATTEMPTS)),
                record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()),
                record.value(),
                lastReplay == null ? DeadLetterStatus.OPEN : lastReplay.outcome(),
                lastReplay);
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longOrNull(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
