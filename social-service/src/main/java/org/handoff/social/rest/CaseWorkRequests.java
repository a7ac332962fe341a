package org.handoff.social.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Bodies of the social worker's case records. */
public final class CaseWorkRequests {

    private CaseWorkRequests() {
    }

    /** Stored sealed: where to go, whom to call, the code word, what to take. */
    public record SafetyPlanBody(@NotEmpty List<@NotBlank @Size(max = 500) String> steps,
                                 List<@NotBlank @Size(max = 300) String> safePlaces,
                                 List<@NotBlank @Size(max = 300) String> trustedContacts,
                                 @Size(max = 100) String codeWord, Instant reviewBy) {
    }

    public enum Modality { INDIVIDUAL, GROUP, PHONE, ONLINE }

    public record SessionBody(@NotNull @PastOrPresent Instant heldAt, @NotNull @Min(5) @Max(480) Integer durationMinutes,
                              @NotNull Modality modality) {
    }

    public enum Matter { PROTECTION_ORDER, CRIMINAL_PROCEEDINGS, DIVORCE, CUSTODY, PROPERTY, OTHER }

    public record LegalAidBody(@NotNull Matter matter, @Size(max = 200) String provider) {
    }
}
