package org.handoff.events;

/**
 * An event payload that cannot be read: malformed JSON, a missing required field, a broken
 * invariant, or an unknown event type. A consumer treats it as a poison message (DLQ), not as a
 * reason to retry.
 */
public class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
