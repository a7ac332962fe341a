package org.handoff.plumbing.consumer;

import java.util.Objects;

public record Increment(String counter, int by) {

    public Increment {
        Objects.requireNonNull(counter, "counter");
    }
}
