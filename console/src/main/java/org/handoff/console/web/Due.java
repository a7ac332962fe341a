package org.handoff.console.web;

import org.handoff.console.api.Inbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The deadline a referral waits on next and how long is left (or how long ago it passed): receipt while its
 * system has not confirmed it arrived, acceptance until someone accepts or declines; none after that.
 */
public record Due(String kind, Instant at, Spans.Span span, boolean passed) {

    public static Due of(Inbox.Referral referral, Instant now) {
        if (referral.deadlines() == null) {
            return null;
        }
        return switch (referral.state()) {
            case "REQUESTED" -> of("receipt", referral.deadlines().receiptDue(), now);
            case "RECEIVED" -> of("acceptance", referral.deadlines().acceptanceDue(), now);
            default -> null;
        };
    }

    static Due of(String kind, Instant at, Instant now) {
        if (at == null) {
            return null;
        }
        Duration left = Duration.between(now, at);
        return new Due(kind, at, Spans.span(left), left.isNegative());
    }
}
