package org.handoff.referral.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.handoff.events.CancellationReason;
import org.handoff.events.DataCategory;
import org.handoff.events.LegalOverride;
import org.handoff.events.Priority;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;

import java.util.Set;

/** Request bodies of the referral API. */
public final class Requests {

    private Requests() {
    }

    public record AddReferral(@NotNull Sector sector, @NotNull Priority priority, Set<@NotNull ServiceType> services,
                              @Valid LegalOverrideInput legalOverride) {
    }

    /** A legal basis for sending without consent; the reason is recorded and audited. */
    public record LegalOverrideInput(@NotNull LegalOverride basis, @NotBlank @Size(max = 500) String reason) {
    }

    public record Cancel(@NotNull CancellationReason reason) {
    }

    public record WithdrawConsent(@NotEmpty Set<@NotNull Sector> sectors, @NotEmpty Set<@NotNull DataCategory> dataCategories) {
    }
}
