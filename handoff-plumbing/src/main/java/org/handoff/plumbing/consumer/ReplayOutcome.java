package org.handoff.plumbing.consumer;

/** What became of one dead-lettered event applied again through its consumer. */
public record ReplayOutcome(Result result, String error, int attempts) {

    public enum Result {
        /** Its change committed now. */
        APPLIED,
        /** Its CloudEvent id was already in the consumer's ledger: nothing changed. */
        ALREADY_APPLIED,
        /** It failed again for a reason of its own; it stays dead-lettered (once: nothing new is written to the DLQ). */
        FAILED_AGAIN
    }
}
