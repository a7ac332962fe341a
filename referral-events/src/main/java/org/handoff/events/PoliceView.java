package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Set;

/**
 * The minimal police view: what an investigation and protection needs. Emitted inside
 * {@link ReferralRequested} by referral-service on {@link Topics#POLICE_INBOX}; consumed by police-service.
 *
 * @param incidentType               GBVIMS incident type
 * @param incidentAt                 incident time
 * @param incidentTimeApproximate    true if the incident time is an estimate; absent means exact
 * @param riskLevel                  final risk level
 * @param riskFactors                checklist items answered yes (e.g. weapon, threats to kill, strangulation)
 * @param priorIncidentsLast12Months earlier incidents in the past 12 months, if known
 * @param servicesRequested          police services requested (investigation, protection order)
 * @param protectionOrderDue         when a requested protection order is due (24 h by default)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PoliceView(IncidentType incidentType, Instant incidentAt, Boolean incidentTimeApproximate,
                         RiskLevel riskLevel, Set<RiskItem> riskFactors, Integer priorIncidentsLast12Months,
                         Set<ServiceType> servicesRequested, Instant protectionOrderDue) {

    public PoliceView {
        Checks.required(incidentType, "incidentType");
        Checks.required(incidentAt, "incidentAt");
        Checks.required(riskLevel, "riskLevel");
        riskFactors = Checks.enumSet(RiskItem.class, riskFactors, "riskFactors");
        Checks.atLeast(priorIncidentsLast12Months, 0, "priorIncidentsLast12Months");
        servicesRequested = Checks.enumSet(ServiceType.class, servicesRequested, "servicesRequested");
    }
}
