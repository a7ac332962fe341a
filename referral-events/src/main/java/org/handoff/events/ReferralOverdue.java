package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * A referral missed its receipt or acceptance deadline; escalation walks the recipient agency's chain.
 * Emitted by referral-service's deadline watch on the referring sector's lifecycle topic ({@link Topics#lifecycle(Sector)}) (again, one level
 * higher, while it stays overdue); consumed by notification-service (escalation) and monitoring.
 *
 * @param referralId      referral id
 * @param caseId          case id
 * @param sector          recipient sector
 * @param recipientAgency recipient agency, if known
 * @param priority        referral priority
 * @param state           the referral's state when the deadline passed (not terminal)
 * @param deadline        which deadline was missed
 * @param dueAt           when it was due
 * @param escalationLevel step in the recipient agency's chain: 1 = duty officer, 2 = supervisor, 3 = coordinator, …
 * @param occurredAt      when the miss was detected
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralOverdue(UUID referralId, UUID caseId, Sector sector, String recipientAgency, Priority priority,
                              ReferralState state, DeadlineKind deadline, Instant dueAt, Integer escalationLevel,
                              Instant occurredAt) implements ReferralEvent {

    public ReferralOverdue {
        Checks.required(referralId, "referralId");
        Checks.required(caseId, "caseId");
        Checks.required(sector, "sector");
        Checks.optionalText(recipientAgency, "recipientAgency");
        Checks.required(priority, "priority");
        Checks.required(state, "state");
        Checks.check(!state.isTerminal(), "an overdue referral is not in a terminal state: " + state);
        Checks.required(deadline, "deadline");
        Checks.required(dueAt, "dueAt");
        Checks.atLeast(Checks.required(escalationLevel, "escalationLevel"), 1, "escalationLevel");
        Checks.required(occurredAt, "occurredAt");
    }
}
