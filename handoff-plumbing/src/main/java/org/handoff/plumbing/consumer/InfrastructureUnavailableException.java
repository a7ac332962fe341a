package org.handoff.plumbing.consumer;

/** A replay met a part that is down (database, broker) and, unlike live traffic, does not wait for it: try again later. */
public class InfrastructureUnavailableException extends RuntimeException {

    public InfrastructureUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
