package org.handoff.notification.channel;

import org.handoff.events.DeliveryFailure;

/** A channel could not deliver; {@code retryable} says whether trying again later may help. */
public class DeliveryException extends RuntimeException {

    private final DeliveryFailure failure;
    private final boolean retryable;

    public DeliveryException(DeliveryFailure failure, boolean retryable, String message) {
        super(message);
        this.failure = failure;
        this.retryable = retryable;
    }

    public DeliveryException(DeliveryFailure failure, boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.retryable = retryable;
    }

    public DeliveryFailure failure() {
        return failure;
    }

    public boolean retryable() {
        return retryable;
    }
}
