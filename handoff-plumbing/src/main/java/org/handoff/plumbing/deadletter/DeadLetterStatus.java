package org.handoff.plumbing.deadletter;

import com.fasterxml.jackson.annotation.JsonValue;
import org.handoff.plumbing.consumer.ReplayOutcome;

import java.util.Arrays;
import java.util.Optional;

/** A dead letter not replayed yet, or what its last replay did. */
public enum DeadLetterStatus {
    OPEN("open"),
    APPLIED("applied"),
    ALREADY_APPLIED("already-applied"),
    FAILED_AGAIN("failed-again"),
    /** Only in a bulk replay's results: the record could not be replayed at all (e.g. it is no longer in the topic). */
    NOT_REPLAYED("not-replayed");

    private final String label;

    DeadLetterStatus(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public static DeadLetterStatus of(ReplayOutcome.Result result) {
        return switch (result) {
            case APPLIED -> APPLIED;
            case ALREADY_APPLIED -> ALREADY_APPLIED;
            case FAILED_AGAIN -> FAILED_AGAIN;
        };
    }

    /** A status a dead letter can be in (not {@link #NOT_REPLAYED}, which only reports on a replay). */
    public static Optional<DeadLetterStatus> fromLabel(String label) {
        return Arrays.stream(values()).filter(status -> status != NOT_REPLAYED && status.label.equals(label)).findFirst();
    }
}
