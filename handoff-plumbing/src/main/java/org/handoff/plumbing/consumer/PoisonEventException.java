package org.handoff.plumbing.consumer;

/** An event that can never be processed as it is: it goes to the dead-letter topic at once, without retries. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
