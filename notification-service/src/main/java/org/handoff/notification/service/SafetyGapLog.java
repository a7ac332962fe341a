package org.handoff.notification.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Log lines about a safety gap: a new referral or an overdue escalation that reaches nobody. A duty
 * officer or operator must hear of it, but a load test or a misconfigured agency sends the same gap
 * thousands of times, so each kind of gap is logged at most once per agency per {@link #EVERY}; the next
 * line says how many were left out since. Every occurrence is still counted by the caller's metric.
 */
@ApplicationScoped
public class SafetyGapLog {

    /** How often the same gap at the same agency is logged again. */
    public static final Duration EVERY = Duration.ofHours(1);

    /** Beyond this many agencies and kinds remembered, expired entries are dropped (the map stays small). */
    private static final int TRIM_AT = 10_000;

    private static final String NO_AGENCY = "(none)";

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public SafetyGapLog(Clock clock) {
        this.clock = clock;
    }

    /** Logs {@code message} at WARN unless this gap at this agency was logged within the last hour; true if logged. */
    public boolean warn(String kind, String agency, String message) {
        return log(Logger.Level.WARN, kind, agency, message);
    }

    /** As {@link #warn}, at ERROR: nobody at all is left to tell. */
    public boolean error(String kind, String agency, String message) {
        return log(Logger.Level.ERROR, kind, agency, message);
    }

    private boolean log(Logger.Level level, String kind, String agency, String message) {
        Instant now = Instant.now(clock);
        long[] leftOut = new long[1];
        Instant[] lastLogged = new Instant[1];
        windows.compute(kind + '|' + (agency == null ? NO_AGENCY : agency), (key, window) -> {
            if (window == null || !now.isBefore(window.until())) {
                leftOut[0] = window == null ? 0 : window.suppressed();
                lastLogged[0] = window == null ? null : window.since();
                return new Window(now, now.plus(EVERY), 0);
            }
            leftOut[0] = -1;
            return new Window(window.since(), window.until(), window.suppressed() + 1);
        });
        if (leftOut[0] < 0) {
            return false;
        }
        Log.log(level, leftOut[0] == 0 ? message
                : message + " (and " + leftOut[0] + " more like it at this agency since " + lastLogged[0] + ", not logged)");
        if (windows.size() > TRIM_AT) {
            windows.entrySet().removeIf(e -> !now.isBefore(e.getValue().until()));
        }
        return true;
    }

    private record Window(Instant since, Instant until, long suppressed) {
    }
}
