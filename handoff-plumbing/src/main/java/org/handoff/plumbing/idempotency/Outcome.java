package org.handoff.plumbing.idempotency;

import java.net.URI;

/** What a POST answered: kept so that a retry with the same Idempotency-Key gets the same answer. */
public record Outcome(int status, Object body, URI location) {

    public static Outcome created(URI location, Object body) {
        return new Outcome(201, body, location);
    }

    public static Outcome ok(Object body) {
        return new Outcome(200, body, null);
    }

    public static Outcome accepted(Object body) {
        return new Outcome(202, body, null);
    }
}
