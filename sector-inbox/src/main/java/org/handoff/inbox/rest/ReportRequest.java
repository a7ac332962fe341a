package org.handoff.inbox.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.handoff.events.ContactMethod;
import org.handoff.events.DataCategory;
import org.handoff.events.IncidentType;
import org.handoff.events.LegalOverride;
import org.handoff.events.RiskItem;
import org.handoff.events.RiskLevel;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A report from an agency system: who the survivor is and how to reach them safely, what happened,
 * the risk checklist, consent per sector and the services asked for. The identity fields are PII:
 * they are sealed at rest and never leave this service.
 */
public record ReportRequest(
        @NotNull @Pattern(regexp = "^[A-Z]{2}(-[A-Z0-9]{1,10})*$", message = "must be an ISO 3166-2 code, e.g. KG-GB")
        String region,
        @NotNull @Valid SurvivorDetails survivor,
        @NotNull @Valid IncidentDetails incident,
        @Valid RiskAnswers risk,
        @NotNull List<@NotNull @Valid ConsentDecision> consents,
        List<@NotNull @Valid OverrideRequest> legalOverrides,
        Set<@NotNull ServiceType> servicesRequested) {

    public record SurvivorDetails(
            @NotBlank @Size(max = 200) String fullName,
            @Size(max = 50) @Pattern(regexp = ".*[A-Za-z0-9].*", message = "must contain letters or digits") String nationalId,
            @Pattern(regexp = "^\\+[0-9][0-9 ()-]{5,24}$", message = "must be in international form, e.g. +996 555 123 456")
            String phone,
            @Size(max = 300) String address,
            @Past LocalDate dateOfBirth,
            @Min(0) @Max(130) Integer ageYears,
            Boolean minor,
            @Min(0) @Max(30) Integer dependentChildren,
            @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", message = "must be a BCP 47 tag, e.g. ky or ru")
            String preferredLanguage,
            @NotNull @Valid SafeContactDetails safeContact) {

        @JsonIgnore
        @AssertTrue(message = "give ageYears, dateOfBirth or minor, and they must agree")
        public boolean isAgeKnown() {
            Boolean fromAge = ageYears == null ? null : ageYears < 18;
            return (ageYears != null || dateOfBirth != null || minor != null)
                    && (minor == null || fromAge == null || minor.equals(fromAge));
        }
    }

    /** How and when contact is safe (e.g. only by SMS, only 09:00–12:00 Asia/Bishkek). */
    public record SafeContactDetails(@NotNull ContactMethod method, Boolean canLeaveMessage, LocalTime safeFrom,
                                     LocalTime safeTo, ZoneId timeZone) {

        @JsonIgnore
        @AssertTrue(message = "safeFrom and safeTo go together")
        public boolean isWindowComplete() {
            return (safeFrom == null) == (safeTo == null);
        }
    }

    public record IncidentDetails(@NotNull IncidentType type, @NotNull @PastOrPresent Instant occurredAt,
                                  Boolean timeApproximate, @Size(max = 300) String place,
                                  @NotNull Boolean injuryReported,
                                  @NotNull @Min(0) @Max(1000) Integer priorIncidentsLast12Months) {
    }

    public record RiskAnswers(@NotNull Map<@NotNull RiskItem, @NotNull Boolean> answers, RiskLevel professionalJudgement) {
    }

    public record ConsentDecision(@NotNull Sector sector, @NotEmpty Set<@NotNull DataCategory> dataCategories,
                                  @NotNull Boolean granted) {
    }

    public record OverrideRequest(@NotNull LegalOverride basis, @NotEmpty Set<@NotNull Sector> sectors,
                                  @NotBlank @Size(max = 500) String reason) {
    }
}
