package org.handoff.referral.service;

import org.handoff.events.DataCategory;
import org.handoff.events.LegalOverride;
import org.handoff.events.Priority;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;

import java.util.List;
import java.util.Set;

/**
 * What routing decided for one recipient sector. {@code send} is false when the survivor did not
 * consent and no legal override applies; the decision is still recorded.
 */
public record PlannedReferral(Sector sector, Priority priority, Set<ServiceType> services, List<String> rules,
                              boolean send, LegalOverride override, String overrideReason,
                              Set<DataCategory> sharedCategories) {

    public String decision() {
        if (!send) {
            return "WITHHELD_NO_CONSENT";
        }
        return override == null ? "SENT_WITH_CONSENT" : "SENT_UNDER_LEGAL_OVERRIDE";
    }
}
