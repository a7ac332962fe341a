package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The minimal health view: what care needs. Emitted inside {@link ReferralRequested} by
 * referral-service on {@link Topics#HEALTH_INBOX}; consumed by health-service.
 *
 * @param incidentType           GBVIMS incident type
 * @param incidentAt             incident time (clinical windows count from here)
 * @param incidentTimeApproximate true if the incident time is an estimate; absent means exact
 * @param injuryReported         physical injury reported
 * @param pregnancyReported      pregnancy or recent birth reported, if shared
 * @param clinicalWindows        clinical windows that apply (sexual violence), soonest first
 * @param servicesRequested      health services requested
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthView(IncidentType incidentType, Instant incidentAt, Boolean incidentTimeApproximate,
                         Boolean injuryReported, Boolean pregnancyReported, List<ClinicalWindow> clinicalWindows,
                         Set<ServiceType> servicesRequested) {

    public HealthView {
        Checks.required(incidentType, "incidentType");
        Checks.required(incidentAt, "incidentAt");
        Checks.required(injuryReported, "injuryReported");
        clinicalWindows = Checks.list(clinicalWindows, "clinicalWindows");
        servicesRequested = Checks.enumSet(ServiceType.class, servicesRequested, "servicesRequested");
    }
}
