package org.handoff.referral.rest;

import org.handoff.events.ReferralState;
import org.handoff.events.Sector;

import java.time.Instant;
import java.util.UUID;

/** One step of one referral: who moved it, at which agency, when, and how long after its previous step. */
public record TimelineEntry(UUID referralId, Sector recipientSector, ReferralState state, String actorUser,
                            String actorRole, String actorAgency, Instant occurredAt, Long latencyMillis, String detail) {
}
