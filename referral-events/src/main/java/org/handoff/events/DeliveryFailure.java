package org.handoff.events;

/** Why a notification could not be delivered on a channel. */
public enum DeliveryFailure {
    REJECTED,
    TIMEOUT,
    UNREACHABLE,
    NOT_CONFIGURED
}
