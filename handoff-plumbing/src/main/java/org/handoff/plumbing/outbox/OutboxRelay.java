package org.handoff.plumbing.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.plumbing.MessagingConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes committed outbox rows and marks them sent. One pass: take the relay lock, read a batch of
 * unsent rows in commit order, publish them all (the producer batches them, {@code linger.ms}), mark
 * them sent in one statement, release the lock. No transaction is open while the broker is awaited:
 * the lock is a session-level advisory lock, held by the pass's connection, so two instances of a
 * service neither publish the same row twice at once nor reorder one case's events, and a relay that
 * dies lets go of the lock with its connection. A crash after publishing but before the mark leaves
 * the rows unsent, so they are published again with the same CloudEvent id: delivery is
 * at-least-once and consumers dedupe by id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String RELAY_LOCK = "SELECT pg_try_advisory_lock(hashtext('handoff_outbox_relay')) AS locked";
    private static final String RELAY_UNLOCK = "SELECT pg_advisory_unlock(hashtext('handoff_outbox_relay'))";
    /** Only the lock holder reads: no row lock needed, and none is held while publishing. */
    private static final String CLAIM = "SELECT " + ClaimedMessage.COLUMNS + " FROM outbox_message"
            + " WHERE sent_at IS NULL ORDER BY position LIMIT $1";
    /**
     * {@link #RELAY_LOCK} and {@link #CLAIM} in one round trip: one row with {@code locked} false when
     * another relay holds the lock, one row without a message when there is nothing to send.
     */
    private static final String LOCK_AND_CLAIM = "SELECT l.locked, m.* FROM (" + RELAY_LOCK + ") l"
            + " LEFT JOIN LATERAL (" + CLAIM.replace("WHERE ", "WHERE l.locked AND ") + ") m ON true";
    private static final String MARK_SENT = "UPDATE outbox_message SET sent_at = $2 WHERE id = ANY($1)";
    private static final String PURGE = "DELETE FROM outbox_message WHERE sent_at < $1";

    private final Pool pool;
    private final OutboxPublisher publisher;
    private final MessagingConfig config;
    private final Clock clock;
    private final Counter published;
    private final Timer publishLag;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();

    public OutboxRelay(Pool pool, OutboxPublisher publisher, MessagingConfig config, Clock clock, MeterRegistry metrics) {
        this.pool = pool;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.published = metrics.counter("handoff.outbox.published");
        this.publishLag = Timer.builder("handoff.outbox.publish.lag")
                .description("time from the committing transaction to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(metrics);
    }

    /** Asks for a drain; calls arriving while one runs are folded into one more pass. */
    public void wake() {
        wakeRequested.set(true);
        if (draining.compareAndSet(false, true)) {
            drain();
        }
    }

    @Scheduled(every = "${handoff.messaging.outbox.safety-poll:10s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void safetyPoll() {
        wake();
    }

    private void drain() {
        wakeRequested.set(false);
        relayBatch().subscribe().with(
                count -> {
                    if (count >= config.outbox().batchSize() || wakeRequested.get()) {
                        drain();
                        return;
                    }
                    draining.set(false);
                    if (wakeRequested.get() && draining.compareAndSet(false, true)) {
                        drain();
                    }
                },
                failure -> {
                    draining.set(false);
                    Log.warnf("outbox relay pass failed, rows stay unsent until the next wake-up: %s", failure.toString());
                });
    }

    /** One pass: returns how many rows were published, 0 when another relay holds the lock. */
    public Uni<Integer> relayBatch() {
        return pool.withConnection(conn -> conn.preparedQuery(LOCK_AND_CLAIM).execute(Tuple.of(config.outbox().batchSize()))
                .chain(rows -> {
                    if (!rows.iterator().next().getBoolean("locked")) {
                        return Uni.createFrom().item(0);
                    }
                    // released on success and failure alike: a pooled connection must not keep the lock
                    return publishAndMark(conn, claimed(rows)).eventually(() -> unlock(conn));
                }));
    }

    /** Held by this connection until {@link #unlock}; a second relay instance gets false and stands aside. */
    Uni<Boolean> tryRelayLock(SqlConnection conn) {
        return conn.query(RELAY_LOCK).execute().map(rows -> rows.iterator().next().getBoolean("locked"));
    }

    Uni<Void> unlock(SqlConnection conn) {
        return conn.query(RELAY_UNLOCK).execute().replaceWithVoid();
    }

    Uni<List<ClaimedMessage>> claim(SqlConnection conn) {
        return conn.preparedQuery(CLAIM).execute(Tuple.of(config.outbox().batchSize())).map(OutboxRelay::claimed);
    }

    private Uni<Integer> publishAndMark(SqlConnection conn, List<ClaimedMessage> batch) {
        return batch.isEmpty()
                ? Uni.createFrom().item(0)
                : publisher.publish(batch)
                        .chain(() -> markSent(conn, batch))
                        .invoke(() -> recordPublished(batch))
                        .replaceWith(batch.size());
    }

    private Uni<Void> markSent(SqlConnection conn, List<ClaimedMessage> batch) {
        UUID[] ids = batch.stream().map(ClaimedMessage::id).toArray(UUID[]::new);
        return conn.preparedQuery(MARK_SENT).execute(Tuple.of(ids, OffsetDateTime.now(clock))).replaceWithVoid();
    }

    private void recordPublished(List<ClaimedMessage> batch) {
        published.increment(batch.size());
        OffsetDateTime now = OffsetDateTime.now(clock);
        batch.forEach(row -> publishLag.record(Duration.between(row.occurredAt(), now)));
    }

    /** The messages among the rows; {@link #LOCK_AND_CLAIM}'s "nothing to send" row carries none. */
    private static List<ClaimedMessage> claimed(Iterable<Row> rows) {
        List<ClaimedMessage> batch = new ArrayList<>();
        rows.forEach(row -> {
            if (row.getUUID("id") != null) {
                batch.add(ClaimedMessage.from(row));
            }
        });
        return batch;
    }

    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> purgeSent() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.outbox().retention());
        return pool.preparedQuery(PURGE).execute(Tuple.of(cutoff)).replaceWithVoid();
    }
}
