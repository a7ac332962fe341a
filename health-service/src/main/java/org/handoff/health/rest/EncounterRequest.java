package org.handoff.health.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.handoff.events.ServiceType;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A clinical encounter as the hospital system records it; {@code notes} are sealed at rest. */
public record EncounterRequest(@NotNull UUID caseId, UUID referralId, @PastOrPresent Instant seenAt,
                               Set<@NotNull ServiceType> servicesProvided, Boolean pepStarted, Boolean ecGiven,
                               Set<@NotNull @Pattern(regexp = "[A-Z_]{1,30}") String> forensicEvidence,
                               @Size(max = 10000) String notes) {
}
