package org.handoff.plumbing.deadletter;

/** Where a dead letter sits: its dead-letter topic, partition and offset; its identity in the admin API. */
public record DeadLetterPosition(String topic, int partition, long offset) {

    /** As the audit chain names it: {@code topic/partition/offset}. */
    @Override
    public String toString() {
        return topic + "/" + partition + "/" + offset;
    }
}
