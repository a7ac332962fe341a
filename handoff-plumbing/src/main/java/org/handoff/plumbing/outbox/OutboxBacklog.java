package org.handoff.plumbing.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far the relay is behind: unsent outbox rows and the age of the oldest. Sampled on a schedule
 * into the gauges {@code handoff_outbox_backlog_rows} and {@code handoff_outbox_oldest_unsent_seconds}
 * (a scrape must not query the database), and read fresh by the admin API.
 */
@ApplicationScoped
public class OutboxBacklog {

    /** Counted through the partial index on unsent rows: cheap however many rows were sent. */
    private static final String UNSENT = "SELECT count(*) AS unsent, min(occurred_at) AS oldest FROM outbox_message"
            + " WHERE sent_at IS NULL";

    /** The relay's backlog at one moment; {@code oldestUnsentAt} is null when nothing waits. */
    public record Backlog(Instant asOf, long unsent, Instant oldestUnsentAt, Duration oldestUnsentAge) {
    }

    private final Pool pool;
    private final Clock clock;
    private final AtomicReference<Backlog> latest;

    public OutboxBacklog(Pool pool, Clock clock, MeterRegistry metrics) {
        this.pool = pool;
        this.clock = clock;
        this.latest = new AtomicReference<>(new Backlog(Instant.now(clock), 0, null, Duration.ZERO));
        Gauge.builder("handoff.outbox.backlog.rows", latest, ref -> ref.get().unsent())
                .description("outbox rows committed but not yet acknowledged by the broker").register(metrics);
        Gauge.builder("handoff.outbox.oldest.unsent.seconds", latest, ref -> ref.get().oldestUnsentAge().toMillis() / 1000.0)
                .description("age of the oldest unsent outbox row; 0 when none waits").register(metrics);
    }

    public Uni<Backlog> now() {
        return pool.query(UNSENT).execute().map(rows -> backlog(rows.iterator().next()))
                .invoke(latest::set);
    }

    @Scheduled(every = "${handoff.messaging.outbox.backlog-sample:10s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sample() {
        return now().onFailure().invoke(failure -> Log.debugf("outbox backlog not sampled: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Backlog backlog(Row row) {
        Instant now = Instant.now(clock);
        OffsetDateTime oldest = row.getOffsetDateTime("oldest");
        Instant oldestAt = oldest == null ? null : oldest.toInstant();
        Duration age = oldestAt == null || oldestAt.isAfter(now) ? Duration.ZERO : Duration.between(oldestAt, now);
        return new Backlog(now, row.getLong("unsent"), oldestAt, age);
    }
}
