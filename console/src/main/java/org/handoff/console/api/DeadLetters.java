package org.handoff.console.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /** A bulk replay: the listed records, or every dead letter matching the filter (the service takes one, not both). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReplayRequest(List<Position> records, ReplayFilter filter) {
    }

    /** The same fields as the list's query parameters. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReplayFilter(String topic, String type, String caseId, String since, String status) {
    }

    /**
     * A bulk replay as the service reports it: {@code state} is running or finished, {@code outcomes} counts
     * each outcome so far, {@code waitingFor} names what it is paused for (a part that is down).
     */
    public record ReplayJob(UUID id, String state, String requestedBy, Instant startedAt, Instant finishedAt, int total,
                            int done, Map<String, Integer> outcomes, String waitingFor, List<ReplayResult> results) {

        public boolean finished() {
            return "finished".equals(state);
        }
    }
}
