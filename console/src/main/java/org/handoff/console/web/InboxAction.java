package org.handoff.console.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a sector worker can do with a referral in their inbox, and in which states (referral-events'
 * ReferralState): accept or decline what arrived, start what was accepted, complete what was started. The
 * service checks again and answers 409 for a move its state machine does not allow.
 */
public enum InboxAction {
    ACCEPT("REQUESTED", "RECEIVED"),
    DECLINE("REQUESTED", "RECEIVED"),
    START("ACCEPTED"),
    COMPLETE("IN_PROGRESS");

    private final List<String> states;

    InboxAction(String... states) {
        this.states = List.of(states);
    }

    /** As in the service's path ({@code …/{id}/accept}) and the console's. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<InboxAction> offeredIn(String state) {
        return Arrays.stream(values()).filter(action -> state != null && action.states.contains(state)).toList();
    }

    public static Optional<InboxAction> of(String id) {
        return Arrays.stream(values()).filter(action -> action.id().equals(id)).findFirst();
    }
}
