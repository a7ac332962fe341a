package org.handoff.referral.rest;

import org.handoff.events.IncidentType;
import org.handoff.events.RiskLevel;
import org.handoff.events.Sector;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case as the caller may see it. Fields the caller's role does not need are left out (null):
 * the risk basis and linked cases go to the case manager and the originating agency only.
 */
public record CaseView(UUID id, String survivorRef, String region, Sector originSector, String originAgency,
                       IncidentType incidentType, Instant incidentAt, boolean minor, RiskLevel riskLevel,
                       String riskBasis, Instant openedAt, List<UUID> linkedCases, List<ReferralSummary> referrals,
                       List<Decision> routingDecisions) {

    public record Decision(Sector sector, String decision, List<String> rules, String legalOverride,
                           String overrideReason, String decidedBy, Instant decidedAt) {
    }
}
