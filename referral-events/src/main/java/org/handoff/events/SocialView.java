package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Set;

/**
 * The minimal social view: what safety planning, shelter and child protection need. Emitted inside
 * {@link ReferralRequested} by referral-service on {@link Topics#SOCIAL_INBOX}; consumed by social-service.
 *
 * @param incidentType      GBVIMS incident type
 * @param riskLevel         final risk level
 * @param riskFactors       checklist items answered yes that matter for safety planning
 * @param dependentChildren number of dependent children, if known (shelter places)
 * @param servicesRequested social services requested (shelter, safety planning, psychosocial, child protection, legal aid)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SocialView(IncidentType incidentType, RiskLevel riskLevel, Set<RiskItem> riskFactors,
                         Integer dependentChildren, Set<ServiceType> servicesRequested) {

    public SocialView {
        Checks.required(incidentType, "incidentType");
        Checks.required(riskLevel, "riskLevel");
        riskFactors = Checks.enumSet(RiskItem.class, riskFactors, "riskFactors");
        Checks.atLeast(dependentChildren, 0, "dependentChildren");
        servicesRequested = Checks.enumSet(ServiceType.class, servicesRequested, "servicesRequested");
    }
}
