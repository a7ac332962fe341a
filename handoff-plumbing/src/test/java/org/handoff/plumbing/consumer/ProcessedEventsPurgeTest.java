package org.handoff.plumbing.consumer;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ProcessedEventsPurgeTest {

    @Inject
    ProcessedEventsPurge purge;
    @Inject
    Pool pool;

    @Test
    void idsOlderThanTheRetentionArePurgedAndRecentOnesKept() {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        insert(old, "now() - interval '31 days'");
        insert(recent, "now() - interval '29 days'");

        int deleted = purge.purge().await().indefinitely();

        assertTrue(deleted >= 1, "at least the old id was purged, deleted: " + deleted);
        assertEquals(0, count(old), "older than the 30-day retention: gone");
        assertEquals(1, count(recent), "inside the retention: kept, so a redelivery still finds it");
    }

    private void insert(String id, String processedAt) {
        pool.preparedQuery("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('purge-test', $1, "
                + processedAt + ")").execute(Tuple.of(id)).await().indefinitely();
    }

    private long count(String id) {
        return pool.preparedQuery("SELECT count(*) AS n FROM processed_event WHERE event_id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next().getLong("n");
    }
}
