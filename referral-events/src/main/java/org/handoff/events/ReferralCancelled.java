package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * The referral was cancelled by the referrer, a case manager or a consent withdrawal; the recipient
 * stops work and restricts the data. Emitted by referral-service on the recipient's inbox topic
 * ({@link Topics#inbox(Sector)}); consumed by that sector's service.
 *
 * @param referralId referral id
 * @param caseId     case id
 * @param sector     recipient sector
 * @param reason     why
 * @param actor      who cancelled (user id, role, agency)
 * @param occurredAt when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralCancelled(UUID referralId, UUID caseId, Sector sector, CancellationReason reason, Actor actor,
                                Instant occurredAt) implements ReferralEvent {

    public ReferralCancelled {
        Checks.required(referralId, "referralId");
        Checks.required(caseId, "caseId");
        Checks.required(sector, "sector");
        Checks.required(reason, "reason");
        Checks.required(actor, "actor");
        Checks.required(occurredAt, "occurredAt");
    }
}
