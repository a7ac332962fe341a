package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Set;

/**
 * The survivor's consent decision for one recipient sector and data categories, with who recorded
 * it and when. Emitted inside {@link CaseReported} by the reporting sector; consumed by referral-service.
 *
 * @param sector         recipient sector the decision is about
 * @param dataCategories data categories it covers (non-empty)
 * @param granted        true if consent was given, false if refused
 * @param recordedBy     who recorded the decision
 * @param recordedAt     when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Consent(Sector sector, Set<DataCategory> dataCategories, Boolean granted, Actor recordedBy,
                      Instant recordedAt) {

    public Consent {
        Checks.required(sector, "sector");
        dataCategories = Checks.nonEmptyEnumSet(DataCategory.class, dataCategories, "dataCategories");
        Checks.required(granted, "granted");
        Checks.required(recordedBy, "recordedBy");
        Checks.required(recordedAt, "recordedAt");
    }
}
