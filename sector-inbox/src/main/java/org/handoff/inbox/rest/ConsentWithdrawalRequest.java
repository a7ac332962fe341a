package org.handoff.inbox.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.handoff.events.DataCategory;
import org.handoff.events.Sector;

import java.util.Set;

/** The survivor withdraws consent for these sectors and data categories. */
public record ConsentWithdrawalRequest(@NotEmpty Set<@NotNull Sector> sectors,
                                       @NotEmpty Set<@NotNull DataCategory> dataCategories) {
}
