package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Set;

/**
 * A recorded legal override allowing referrals without consent to the given sectors; audited.
 * Emitted inside {@link CaseReported} by the reporting sector; consumed by referral-service only
 * (recipients see just the {@link LegalOverride} basis on {@link ReferralRequested}).
 *
 * @param basis      legal basis
 * @param sectors    sectors the override applies to (non-empty)
 * @param reason     short justification for the audit trail (≤ 500 characters, no survivor details)
 * @param recordedBy who invoked the override
 * @param recordedAt when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LegalOverrideRecord(LegalOverride basis, Set<Sector> sectors, String reason, Actor recordedBy,
                                  Instant recordedAt) {

    public LegalOverrideRecord {
        Checks.required(basis, "basis");
        sectors = Checks.nonEmptyEnumSet(Sector.class, sectors, "sectors");
        Checks.text(Checks.required(reason, "reason"), "reason", Checks.MAX_REASON);
        Checks.required(recordedBy, "recordedBy");
        Checks.required(recordedAt, "recordedAt");
    }
}
