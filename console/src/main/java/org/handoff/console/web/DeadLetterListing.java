package org.handoff.console.web;

import org.handoff.console.api.DeadLetters.DeadLetter;

import java.util.List;

/** Dead letters of the chosen services with the filter that found them; a service that failed says so. */
public record DeadLetterListing(Filter filter, List<String> services, List<Row> rows, List<ServiceTotal> totals) {

    public record Filter(String service, String topic, String type, String caseId, String since, String status) {
    }

    public record Row(String service, DeadLetter letter) {
        /** Where the detail and replay of this record live in the console. */
        public String path() {
            return "/admin/dead-letters/" + service + "/" + letter.position().topic() + "/" + letter.position().partition()
                    + "/" + letter.position().offset();
        }
    }

    /** One service's count, or the error it answered. */
    public record ServiceTotal(String service, long total, String error) {
    }

    public static final List<String> STATUSES = List.of("open", "applied", "already-applied", "failed-again");

    /** How many records "Replay all matching" would replay: every service's count of matches. */
    public long matching() {
        return totals.stream().filter(total -> total.error() == null).mapToLong(ServiceTotal::total).sum();
    }

    public List<String> statuses() {
        return STATUSES;
    }
}
