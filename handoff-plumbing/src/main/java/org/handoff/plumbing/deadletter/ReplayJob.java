package org.handoff.plumbing.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A bulk replay as it can be watched: progress, outcome counts and each record's outcome so far. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayJob(UUID id, State state, String requestedBy, Instant startedAt, Instant finishedAt,
                        int total, int done, Map<String, Integer> outcomes, String waitingFor,
                        List<ReplayResult> results) {

    public enum State {
        RUNNING, FINISHED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
