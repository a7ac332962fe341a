package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The survivor withdrew consent for some sectors and data categories; every recipient in
 * {@code sectors} restricts that data and stops work that relied on it.
 * Emitted by referral-service on each affected recipient's inbox topic ({@link Topics#inbox(Sector)}),
 * consumed by that sector's service; or emitted by a sector service that recorded the withdrawal on
 * {@link Topics#REFERRAL_STATUS}, consumed by referral-service (which cancels and propagates it).
 *
 * @param caseId         case id
 * @param survivorRef    pseudonymous survivor reference
 * @param sectors        sectors consent is withdrawn from (non-empty)
 * @param dataCategories data categories withdrawn (non-empty)
 * @param referralIds    referrals affected, if known
 * @param recordedBy     who recorded the withdrawal (user id, role, agency)
 * @param occurredAt     when the survivor withdrew
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsentWithdrawn(UUID caseId, String survivorRef, Set<Sector> sectors, Set<DataCategory> dataCategories,
                               List<UUID> referralIds, Actor recordedBy, Instant occurredAt) implements HandoffEvent {

    public ConsentWithdrawn {
        Checks.required(caseId, "caseId");
        Checks.matches(Checks.required(survivorRef, "survivorRef"), Checks.SURVIVOR_REF, "survivorRef");
        sectors = Checks.nonEmptyEnumSet(Sector.class, sectors, "sectors");
        dataCategories = Checks.nonEmptyEnumSet(DataCategory.class, dataCategories, "dataCategories");
        referralIds = Checks.list(referralIds, "referralIds");
        Checks.required(recordedBy, "recordedBy");
        Checks.required(occurredAt, "occurredAt");
    }
}
