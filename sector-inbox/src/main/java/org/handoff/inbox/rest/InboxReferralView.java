package org.handoff.inbox.rest;

import org.handoff.events.CancellationReason;
import org.handoff.events.CompletionOutcome;
import org.handoff.events.DataCategory;
import org.handoff.events.DeclineReason;
import org.handoff.events.Deadlines;
import org.handoff.events.LegalOverride;
import org.handoff.events.Priority;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;
import org.handoff.events.SurvivorView;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An inbox entry. {@code version} is the ETag to send back in If-Match. Once {@code restricted}
 * (cancelled, consent withdrawn) the survivor, the sector view and the sector details are gone.
 *
 * @param view          the sector's minimal view (health, police or social) as referral-service sent it
 * @param sectorDetails what this sector adds, e.g. health's clinical windows with the time left
 */
public record InboxReferralView(UUID referralId, UUID caseId, Sector sector, String agency, Sector referringSector,
                                String region, Priority priority, ReferralState state, long version,
                                Instant requestedAt, Instant receivedAt, Deadlines deadlines, boolean overdue,
                                Instant acceptedAt, Instant startedAt, Instant closedAt, DeclineReason declineReason,
                                CompletionOutcome outcome, CancellationReason cancellationReason, boolean restricted,
                                String restrictedReason, LegalOverride legalOverride,
                                Set<DataCategory> sharedCategories, SurvivorView survivor, Object view,
                                Map<String, Object> sectorDetails) {
}
