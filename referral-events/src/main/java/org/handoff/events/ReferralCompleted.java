package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The recipient completed the referral, with an outcome.
 * Emitted by the recipient sector's service on {@link Topics#REFERRAL_STATUS}; consumed by
 * referral-service (state machine, timeline, referrer feedback).
 *
 * @param referralId       referral id
 * @param caseId           case id
 * @param sector           recipient sector
 * @param actor            who completed (user id, role, agency)
 * @param occurredAt       when
 * @param outcome          outcome (required)
 * @param servicesProvided services actually provided
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralCompleted(UUID referralId, UUID caseId, Sector sector, Actor actor, Instant occurredAt,
                                CompletionOutcome outcome, Set<ServiceType> servicesProvided)
        implements ReferralStatusEvent {

    public ReferralCompleted {
        Checks.required(referralId, "referralId");
        Checks.required(caseId, "caseId");
        Checks.required(sector, "sector");
        Checks.required(actor, "actor");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(outcome, "outcome");
        servicesProvided = Checks.enumSet(ServiceType.class, servicesProvided, "servicesProvided");
    }

    @Override
    public ReferralState targetState() {
        return ReferralState.COMPLETED;
    }
}
