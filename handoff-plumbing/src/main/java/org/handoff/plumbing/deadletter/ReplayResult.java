package org.handoff.plumbing.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One dead letter's replay: what happened to it, and the new error when it failed again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayResult(DeadLetterPosition position, String eventId, DeadLetterStatus outcome, String error) {
}
