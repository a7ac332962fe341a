package org.handoff.plumbing.deadletter;

import org.handoff.plumbing.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Which dead letters to list or replay; a null field matches everything. */
public record DeadLetterFilter(String topic, String type, String caseId, Instant since, DeadLetterStatus status) {

    public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null, null, null);

    /** From request parameters; a bad {@code since} or {@code status} is a 400 naming it. */
    public static DeadLetterFilter of(String topic, String type, String caseId, String since, String status) {
        Instant from = null;
        if (blankToNull(since) != null) {
            try {
                from = Instant.parse(since.trim());
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("since must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, not '" + since + "'");
            }
        }
        DeadLetterStatus wanted = blankToNull(status) == null ? null : DeadLetterStatus.fromLabel(status.trim())
                .orElseThrow(() -> ProblemException.badRequest("status must be one of open, applied, already-applied, failed-again, not '"
                        + status + "'"));
        return new DeadLetterFilter(blankToNull(topic), blankToNull(type), blankToNull(caseId), from, wanted);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Matches the original topic or the dead-letter topic, so either name finds it. */
    boolean matches(DeadLetter deadLetter) {
        return (topic == null || topic.equals(deadLetter.position().topic()) || topic.equals(deadLetter.original().topic()))
                && (type == null || type.equals(deadLetter.type()))
                && (caseId == null || caseId.equals(deadLetter.caseId()))
                && (since == null || (deadLetter.deadLetteredAt() != null && !deadLetter.deadLetteredAt().isBefore(since)))
                && (status == null || status == deadLetter.status());
    }
}
