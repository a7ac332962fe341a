package org.handoff.bench;

import java.time.Instant;

/** Wall-clock microseconds from a monotonic source: comparable with the timestamps the services store. */
final class Clock {

    private static final long ANCHOR_NANOS = System.nanoTime();
    private static final long ANCHOR_MICROS;

    static {
        Instant now = Instant.now();
        ANCHOR_MICROS = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private Clock() {
    }

    static long nowMicros() {
        return ANCHOR_MICROS + (System.nanoTime() - ANCHOR_NANOS) / 1_000;
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
