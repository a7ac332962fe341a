package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * The recipient declined the referral, with a reason.
 * Emitted by the recipient sector's service on {@link Topics#REFERRAL_STATUS}; consumed by
 * referral-service (state machine, timeline, re-routing).
 *
 * @param referralId     referral id
 * @param caseId         case id
 * @param sector         recipient sector
 * @param actor          who declined (user id, role, agency)
 * @param occurredAt     when
 * @param reason         why (required)
 * @param redirectAgency agency the recipient suggests instead, if any
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralDeclined(UUID referralId, UUID caseId, Sector sector, Actor actor, Instant occurredAt,
                               DeclineReason reason, String redirectAgency) implements ReferralStatusEvent {

    public ReferralDeclined {
        Checks.required(referralId, "referralId");
        Checks.required(caseId, "caseId");
        Checks.required(sector, "sector");
        Checks.required(actor, "actor");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(reason, "reason");
        Checks.optionalText(redirectAgency, "redirectAgency");
    }

    @Override
    public ReferralState targetState() {
        return ReferralState.DECLINED;
    }
}
