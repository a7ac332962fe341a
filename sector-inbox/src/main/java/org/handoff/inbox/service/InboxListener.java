package org.handoff.inbox.service;

import io.smallrye.mutiny.Uni;
import org.handoff.events.ReferralRequested;
import org.handoff.events.ReferralState;
import org.handoff.inbox.InboxReferral;

/**
 * A sector's own reaction to its inbox (child protection for a minor, a protection order due, ...).
 * Beans implementing it run inside the transaction of the inbox change, so both commit or neither.
 */
public interface InboxListener {

    default Uni<Void> received(InboxReferral referral, ReferralRequested request) {
        return Uni.createFrom().voidItem();
    }

    default Uni<Void> moved(InboxReferral referral, ReferralState from) {
        return Uni.createFrom().voidItem();
    }

    /** The referral was cancelled or consent withdrawn: drop or lock what the sector derived from it. */
    default Uni<Void> restricted(InboxReferral referral) {
        return Uni.createFrom().voidItem();
    }
}
