package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A time-critical clinical window still relevant to the referral. Emitted inside {@link HealthView}
 * by referral-service; consumed by health-service.
 *
 * @param kind     which window
 * @param closesAt when it closes (counted from the incident time)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClinicalWindow(ClinicalWindowKind kind, Instant closesAt) {

    public ClinicalWindow {
        Checks.required(kind, "kind");
        Checks.required(closesAt, "closesAt");
    }
}
