package org.handoff.inbox.rest;

import org.handoff.events.Consent;
import org.handoff.events.Incident;
import org.handoff.events.LegalOverride;
import org.handoff.events.RiskLevel;
import org.handoff.events.SafeContact;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;
import org.handoff.inbox.service.SurvivorPii;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A report as the caller may see it: {@code identity} is masked ({@code identityMasked = true}) unless
 * the caller's role and agency need the real values.
 */
public record ReportView(UUID id, UUID caseId, Sector sector, String agency, String reportedBy, Instant reportedAt,
                         String region, String survivorRef, SurvivorPii identity, boolean identityMasked,
                         Integer ageYears, boolean minor, Integer dependentChildren, String preferredLanguage,
                         SafeContact safeContact, Incident incident, RiskLevel riskLevel,
                         Integer riskYesCount, Set<ServiceType> servicesRequested, List<Consent> consents,
                         List<LegalOverride> legalOverrides, Map<String, Object> sectorDetails) {
}
