package org.handoff.events;

import java.util.UUID;

/** An event about one referral. */
public interface ReferralEvent extends HandoffEvent {

    UUID referralId();
}
