package org.handoff.plumbing.consumer;

import java.util.Objects;

/**
 * A test event. {@code shift}: the counter becomes {@code value * 10 + by}, so the result spells the
 * order in which events were applied. {@code dropConnections}: the handler kills its own database
 * connection this many times first — a real infrastructure failure, not a simulated one.
 */
public record Increment(String counter, int by, Boolean shift, Integer dropConnections) {

    public Increment {
        Objects.requireNonNull(counter, "counter");
    }

    public Increment(String counter, int by) {
        this(counter, by, null, null);
    }
}
