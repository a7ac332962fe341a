package org.handoff.events;

/**
 * A recipient's status report on its own referral, sent on {@link Topics#REFERRAL_STATUS}:
 * received, accepted, declined, started, completed. The referral-service state machine applies
 * {@link #targetState()}.
 */
public interface ReferralStatusEvent extends ReferralEvent {

    /** The recipient sector reporting the status. */
    Sector sector();

    /** Who moved the referral (user id, role, agency). */
    Actor actor();

    /** The state this report moves the referral to. */
    ReferralState targetState();
}
