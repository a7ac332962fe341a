package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * The reported incident: type, time and the facts routing needs. Emitted inside
 * {@link CaseReported} by the reporting sector; consumed by referral-service (risk, SOP routing).
 *
 * @param type                       GBVIMS incident type
 * @param occurredAt                 when the incident happened (clinical windows count from here)
 * @param timeApproximate            true if {@code occurredAt} is an estimate; absent means exact
 * @param injuryReported             physical injury reported
 * @param priorIncidentsLast12Months earlier incidents in the past 12 months (≥ 3 raises the risk)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Incident(IncidentType type, Instant occurredAt, Boolean timeApproximate, Boolean injuryReported,
                       Integer priorIncidentsLast12Months) {

    public Incident {
        Checks.required(type, "type");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(injuryReported, "injuryReported");
        Checks.atLeast(Checks.required(priorIncidentsLast12Months, "priorIncidentsLast12Months"), 0,
                "priorIncidentsLast12Months");
    }
}
