package org.handoff.plumbing.deadletter;

import java.util.List;

/** A bulk replay: either the listed records, or every dead letter matching the filter (not both). */
public record ReplayRequest(List<DeadLetterPosition> records, Filter filter) {

    /** The same fields as the list's query parameters. */
    public record Filter(String topic, String type, String caseId, String since, String status) {
        DeadLetterFilter parsed() {
            return DeadLetterFilter.of(topic, type, caseId, since, status);
        }
    }
}
