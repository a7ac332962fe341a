package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone at the recipient agency accepted the referral.
 * Emitted by the recipient sector's service on {@link Topics#REFERRAL_STATUS}; consumed by
 * referral-service (state machine, timeline).
 *
 * @param referralId referral id
 * @param caseId     case id
 * @param sector     recipient sector
 * @param actor      who accepted (user id, role, agency)
 * @param occurredAt when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralAccepted(UUID referralId, UUID caseId, Sector sector, Actor actor, Instant occurredAt)
        implements ReferralStatusEvent {

    public ReferralAccepted {
        Checks.required(referralId, "referralId");
        Checks.required(caseId, "caseId");
        Checks.required(sector, "sector");
        Checks.required(actor, "actor");
        Checks.required(occurredAt, "occurredAt");
    }

    @Override
    public ReferralState targetState() {
        return ReferralState.ACCEPTED;
    }
}
