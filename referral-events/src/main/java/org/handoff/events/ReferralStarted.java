package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * The recipient started providing services.
 * Emitted by the recipient sector's service on {@link Topics#REFERRAL_STATUS}; consumed by
 * referral-service (state machine, timeline).
 *
 * @param referralId referral id
 * @param caseId     case id
 * @param sector     recipient sector
 * @param actor      who started (user id, role, agency)
 * @param occurredAt when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralStarted(UUID referralId, UUID caseId, Sector sector, Actor actor, Instant occurredAt)
        implements ReferralStatusEvent {

    public ReferralStarted {
        Checks.required(referralId, "referralId");
        Checks.required(caseId, "caseId");
        Checks.required(sector, "sector");
        Checks.required(actor, "actor");
        Checks.required(occurredAt, "occurredAt");
    }

    @Override
    public ReferralState targetState() {
        return ReferralState.IN_PROGRESS;
    }
}
