package org.handoff.bench;

import java.util.Set;
import java.util.UUID;

/** One report of the load: when it was due to be sent, and what the service answered. */
final class SentReport {

    final long sequence;
    final Sector origin;
    final Set<Sector> expected;
    /** The scheduled send time (open loop): latencies count from here, not from the actual send. */
    final long intendedMicros;
    volatile long sentMicros;
    volatile long answeredMicros;
    volatile int status;
    volatile UUID caseId;
    volatile String error;

    SentReport(long sequence, Sector origin, Set<Sector> expected, long intendedMicros) {
        this.sequence = sequence;
        this.origin = origin;
        this.expected = expected;
        this.intendedMicros = intendedMicros;
    }

    boolean accepted() {
        return status == 201 && caseId != null;
    }
}
