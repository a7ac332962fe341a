package org.handoff.referral.service;

import org.handoff.events.IncidentType;
import org.handoff.events.RiskLevel;
import org.handoff.events.ServiceType;

import java.time.Instant;
import java.util.Set;

/** What the SOP rules look at. */
public record CaseFacts(IncidentType incidentType, Instant incidentAt, RiskLevel risk, boolean minor,
                        boolean injuryReported, Set<ServiceType> servicesRequested) {
}
