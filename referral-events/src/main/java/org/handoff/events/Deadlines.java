package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * The two referral deadlines, from the priority. Emitted inside {@link ReferralRequested} by
 * referral-service; consumed by the recipient (to show) and by referral-service's deadline watch.
 *
 * @param receiptDue    the recipient system must acknowledge receipt by then
 * @param acceptanceDue someone at the recipient agency must accept or decline by then
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Deadlines(Instant receiptDue, Instant acceptanceDue) {

    public Deadlines {
        Checks.required(receiptDue, "receiptDue");
        Checks.required(acceptanceDue, "acceptanceDue");
        Checks.check(!acceptanceDue.isBefore(receiptDue), "acceptanceDue must not be before receiptDue");
    }

    /** The due time of one deadline. */
    public Instant due(DeadlineKind kind) {
        return kind == DeadlineKind.RECEIPT ? receiptDue : acceptanceDue;
    }
}
