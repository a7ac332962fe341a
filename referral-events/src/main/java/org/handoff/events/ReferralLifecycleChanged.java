package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * A referral moved from one state to another (a timeline entry: who, when, which agency, latency).
 * Emitted by referral-service on the referring sector's lifecycle topic ({@link Topics#lifecycle(Sector)}); consumed by notification-service
 * (duty officers, referrer feedback), the originating sector's service (closed loop) and monitoring.
 *
 * @param referralId         referral id
 * @param caseId             case id
 * @param recipientSector    recipient sector
 * @param recipientAgency    recipient agency, if known
 * @param referringSector    referring sector
 * @param referringAgency    referring agency
 * @param priority           referral priority
 * @param fromState          previous state; absent only for the initial REQUESTED
 * @param toState            new state
 * @param actor              who caused the transition (user id, role, agency)
 * @param occurredAt         when
 * @param latencyMillis      milliseconds since the previous transition; present iff {@code fromState} is
 * @param declineReason      with DECLINED
 * @param cancellationReason with CANCELLED
 * @param outcome            with COMPLETED
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralLifecycleChanged(UUID referralId, UUID caseId, Sector recipientSector, String recipientAgency,
                                       Sector referringSector, String referringAgency, Priority priority,
                                       ReferralState fromState, ReferralState toState, Actor actor,
                                       Instant occurredAt, Long latencyMillis, DeclineReason declineReason,
                                       CancellationReason cancellationReason, CompletionOutcome outcome)
        implements ReferralEvent {

    public ReferralLifecycleChanged {
        Checks.required(referralId, "referralId");
        Checks.required(caseId, "caseId");
        Checks.required(recipientSector, "recipientSector");
        Checks.optionalText(recipientAgency, "recipientAgency");
        Checks.required(referringSector, "referringSector");
        Checks.requiredText(referringAgency, "referringAgency");
        Checks.required(priority, "priority");
        Checks.required(toState, "toState");
        Checks.required(actor, "actor");
        Checks.required(occurredAt, "occurredAt");
        if (toState == ReferralState.REQUESTED) {
            Checks.check(fromState == null, "the initial REQUESTED has no fromState");
            Checks.check(latencyMillis == null, "the initial REQUESTED has no latency");
        } else {
            Checks.required(fromState, "fromState");
            Checks.check(fromState.canMoveTo(toState), "no transition " + fromState + " -> " + toState);
            Checks.atLeast(Checks.required(latencyMillis, "latencyMillis"), 0L, "latencyMillis");
        }
        Checks.check((declineReason != null) == (toState == ReferralState.DECLINED),
                "declineReason goes with, and only with, DECLINED");
        Checks.check((cancellationReason != null) == (toState == ReferralState.CANCELLED),
                "cancellationReason goes with, and only with, CANCELLED");
        Checks.check((outcome != null) == (toState == ReferralState.COMPLETED),
                "outcome goes with, and only with, COMPLETED");
    }
}
