package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * The recipient system stored the referral in its inbox (a system receipt, sent at once).
 * Emitted by the recipient sector's service on {@link Topics#REFERRAL_STATUS}; consumed by
 * referral-service (state machine, timeline).
 *
 * @param referralId referral id
 * @param caseId     case id
 * @param sector     recipient sector
 * @param actor      who received it (usually {@code system:<service>}) (user id, role, agency)
 * @param occurredAt when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralReceived(UUID referralId, UUID caseId, Sector sector, Actor actor, Instant occurredAt)
        implements ReferralStatusEvent {

    public ReferralReceived {
        Checks.required(referralId, "referralId");
        Checks.required(caseId, "caseId");
        Checks.required(sector, "sector");
        Checks.required(actor, "actor");
        Checks.required(occurredAt, "occurredAt");
    }

    @Override
    public ReferralState targetState() {
        return ReferralState.RECEIVED;
    }
}
