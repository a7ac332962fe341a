package org.handoff.console.api;

import java.time.Instant;
import java.util.List;

/** What the dead-letter API answers (handoff-plumbing's deadletter package), as the console reads it. */
public final class DeadLetters {

    private DeadLetters() {
    }

    public record Position(String topic, Integer partition, Long offset) {
        @Override
        public String toString() {
            return topic + "/" + partition + "/" + offset;
        }
    }

    public record LastReplay(String outcome, String error, String by, Instant at, int replays) {
    }

    /** The payload is the event as stored: events carry ids, codes and times, never survivor data. */
    public record DeadLetter(Position position, Position original, String eventId, String type, String caseId,
                             String key, String consumer, String errorClass, String error, Integer attempts,
                             Instant deadLetteredAt, String payload, String status, LastReplay lastReplay) {
    }

    public record Page(List<DeadLetter> items, int page, int size, long total) {
    }

    public record ReplayResult(Position position, String eventId, String outcome, String error) {
    }
}
