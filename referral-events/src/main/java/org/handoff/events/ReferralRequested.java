package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A referral to one recipient sector, carrying only that sector's minimal view (exactly one of
 * {@code health}, {@code police}, {@code social}, matching {@code recipientSector}); no free text.
 * Emitted by referral-service on the recipient's inbox topic ({@link Topics#inbox(Sector)}); consumed
 * by that sector's service, which answers at once with {@link ReferralReceived}.
 *
 * @param referralId       referral id
 * @param caseId           case id
 * @param recipientSector  sector the referral is for
 * @param recipientAgency  agency chosen by routing, or absent to let the sector pick its agency for the region
 * @param referringSector  sector that referred (closes the loop)
 * @param requestedBy      who referred (the case's reporting officer, a case manager, or {@code system})
 * @param occurredAt       when the referral was requested
 * @param region           region code, e.g. {@code KG-GB}
 * @param priority         priority
 * @param deadlines        receipt and acceptance deadlines
 * @param routingRules     ids of the SOP rules that produced this referral
 * @param legalOverride    set when sent without consent under a recorded legal override
 * @param sharedCategories data categories shared under consent (or the override)
 * @param survivor         pseudonymous survivor view
 * @param health           health view, only for HEALTH
 * @param police           police view, only for POLICE
 * @param social           social view, only for SOCIAL
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralRequested(UUID referralId, UUID caseId, Sector recipientSector, String recipientAgency,
                                Sector referringSector, Actor requestedBy, Instant occurredAt, String region,
                                Priority priority, Deadlines deadlines, List<String> routingRules,
                                LegalOverride legalOverride, Set<DataCategory> sharedCategories,
                                SurvivorView survivor, HealthView health, PoliceView police, SocialView social)
        implements ReferralEvent {

    public ReferralRequested {
        Checks.required(referralId, "referralId");
        Checks.required(caseId, "caseId");
        Checks.required(recipientSector, "recipientSector");
        Checks.optionalText(recipientAgency, "recipientAgency");
        Checks.required(referringSector, "referringSector");
        Checks.required(requestedBy, "requestedBy");
        Checks.required(occurredAt, "occurredAt");
        Checks.matches(Checks.required(region, "region"), Checks.REGION, "region");
        Checks.required(priority, "priority");
        Checks.required(deadlines, "deadlines");
        routingRules = Checks.list(routingRules, "routingRules");
        routingRules.forEach(rule -> Checks.text(rule, "routingRules element", 100));
        sharedCategories = Checks.enumSet(DataCategory.class, sharedCategories, "sharedCategories");
        Checks.required(survivor, "survivor");
        Checks.check((health != null) == (recipientSector == Sector.HEALTH),
                "health view is required for, and only for, a HEALTH referral");
        Checks.check((police != null) == (recipientSector == Sector.POLICE),
                "police view is required for, and only for, a POLICE referral");
        Checks.check((social != null) == (recipientSector == Sector.SOCIAL),
                "social view is required for, and only for, a SOCIAL referral");
    }

    /** The inbox topic this referral is sent on. */
    public String topic() {
        return Topics.inbox(recipientSector);
    }
}
