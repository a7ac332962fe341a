package org.handoff.inbox.service;

import org.handoff.events.ReferralRequested;
import org.handoff.inbox.InboxReferral;

import java.time.Instant;
import java.util.Map;

/** Sector-specific facts shown on each inbox entry, e.g. the time left in health's clinical windows. */
public interface InboxDetails {

    Map<String, Object> details(InboxReferral referral, ReferralRequested request, Instant now);
}
