package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A survivor's report taken by any sector, which becomes (or joins) a case.
 * Emitted by police-, health- or social-service on {@link Topics#CASE_REPORTED}; consumed by
 * referral-service (case registry, risk scoring, SOP routing).
 *
 * @param caseId            case id minted by the reporting service (Kafka key, {@code ce_subject})
 * @param reportId          the reporting sector's own report id
 * @param originSector      sector that took the report
 * @param reportedBy        who took it (the agency is the originating agency)
 * @param occurredAt        when the report was taken
 * @param region            region code for routing and rosters, e.g. {@code KG-GB}
 * @param survivor          pseudonymous survivor facts
 * @param incident          the incident
 * @param risk              risk checklist answers, if assessed at intake
 * @param servicesRequested services the survivor asked for
 * @param consents          consent decisions per recipient sector and data category
 * @param legalOverrides    recorded legal overrides, if any
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseReported(UUID caseId, UUID reportId, Sector originSector, Actor reportedBy, Instant occurredAt,
                           String region, Survivor survivor, Incident incident, RiskAssessment risk,
                           Set<ServiceType> servicesRequested, List<Consent> consents,
                           List<LegalOverrideRecord> legalOverrides) implements HandoffEvent {

    public CaseReported {
        Checks.required(caseId, "caseId");
        Checks.required(reportId, "reportId");
        Checks.required(originSector, "originSector");
        Checks.required(reportedBy, "reportedBy");
        Checks.required(occurredAt, "occurredAt");
        Checks.matches(Checks.required(region, "region"), Checks.REGION, "region");
        Checks.required(survivor, "survivor");
        Checks.required(incident, "incident");
        servicesRequested = Checks.enumSet(ServiceType.class, servicesRequested, "servicesRequested");
        consents = Checks.list(consents, "consents");
        legalOverrides = Checks.list(legalOverrides, "legalOverrides");
    }

    /** The consent decision recorded for a sector, if any (the latest one wins; on a tie, the last listed). */
    public Optional<Consent> consentFor(Sector sector) {
        return consents.stream()
                .filter(c -> c.sector() == sector)
                .reduce((a, b) -> b.recordedAt().isBefore(a.recordedAt()) ? a : b);
    }
}
