package org.handoff.plumbing.consumer;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.plumbing.MessagingConfig;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Keeps the idempotent-consumer ledger bounded: ids older than the retention are deleted. The
 * retention must be longer than any redelivery window (Kafka's topic retention, a replay from a
 * dead-letter topic): an event redelivered after its id was purged would be applied again.
 */
@ApplicationScoped
public class ProcessedEventsPurge {

    /** In slices, so one purge never holds a long transaction or locks many rows at once. */
    private static final String PURGE = "DELETE FROM processed_event WHERE ctid IN (SELECT ctid FROM processed_event"
            + " WHERE processed_at < $1 LIMIT 10000)";

    private final Pool pool;
    private final MessagingConfig config;
    private final Clock clock;

    public ProcessedEventsPurge(Pool pool, MessagingConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().onFailure().invoke(e -> Log.warnf("processed-event purge failed, retried next hour: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** @return how many ids were deleted */
    public Uni<Integer> purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.consumer().ledgerRetention());
        return slice(cutoff, 0);
    }

    private Uni<Integer> slice(OffsetDateTime cutoff, int deletedSoFar) {
        return pool.preparedQuery(PURGE).execute(Tuple.of(cutoff)).chain(rows -> rows.rowCount() == 0
                ? Uni.createFrom().item(deletedSoFar)
                : slice(cutoff, deletedSoFar + rows.rowCount()));
    }
}
