package org.handoff.plumbing.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A replay row marks the dead letter it replayed, not whatever record later sits at the same DLQ offset. */
class ReplaysTest {

    private static final DeadLetter.LastReplay FAILED_AGAIN =
            new DeadLetter.LastReplay(DeadLetterStatus.FAILED_AGAIN, "still bad", "admin.ops", Instant.EPOCH, 1);
    private static final ReplayLedger.Replays LEDGER = new ReplayLedger.Replays(
            Map.of(new DeadLetterPosition("handoff.case-reported.dlq", 0, 7), Map.entry("event-1", FAILED_AGAIN)));

    @Test
    void theReplayedDeadLetterShowsItsLastReplay() {
        assertEquals(FAILED_AGAIN, LEDGER.of(record(0, 7, "event-1")));
    }

    @Test
    void anotherEventAtTheSameOffsetOfARecreatedTopicIsStillOpen() {
        assertNull(LEDGER.of(record(0, 7, "event-2")));
        assertNull(LEDGER.of(record(1, 7, "event-1")));
    }

    private static ConsumerRecord<String, String> record(int partition, long offset, String eventId) {
        var record = new ConsumerRecord<String, String>("handoff.case-reported.dlq", partition, offset, "case", "{}");
        record.headers().add(new RecordHeader("ce_id", eventId.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
