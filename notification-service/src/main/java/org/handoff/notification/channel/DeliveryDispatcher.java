package org.handoff.notification.channel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.handoff.events.DeliveryFailure;
import org.handoff.events.NotificationChannel;
import org.handoff.notification.Delivery;
import org.handoff.notification.Notification;
import org.handoff.notification.config.NotificationConfig;
import org.handoff.notification.messaging.NotificationEvents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends pending deliveries once the transaction that created them has committed. Each channel has a
 * worker thread of its own: it claims due rows under a lease ({@code FOR UPDATE SKIP LOCKED}, so two
 * instances never take the same row), sends them, and records each outcome with its notification event
 * in one transaction. A failure that may pass is retried with exponential backoff; a sender that dies
 * mid-send leaves a lease that runs out, and the delivery is tried again (at least once, never lost).
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final String CLAIM = "UPDATE delivery SET lease_until = $3, attempts = attempts + 1"
            + " WHERE id IN (SELECT id FROM delivery WHERE channel = $1 AND status = 'PENDING' AND next_attempt_at <= $2"
            + " AND (lease_until IS NULL OR lease_until < $2) ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED)"
            + " RETURNING id";

    private final Map<NotificationChannel, Worker> workers = new EnumMap<>(NotificationChannel.class);
    private final Pool pool;
    private final NotificationEvents events;
    private final NotificationConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public DeliveryDispatcher(Instance<ChannelSender> senders, Pool pool, NotificationEvents events,
                              NotificationConfig config, Clock clock, MeterRegistry metrics) {
        this.pool = pool;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        for (ChannelSender sender : senders) {
            workers.put(sender.channel(), new Worker(sender));
        }
    }

    void start(@Observes StartupEvent event) {
        wake(Cause.STARTUP); // deliveries left pending by the last run
    }

    void stop(@Observes ShutdownEvent event) {
        workers.values().forEach(Worker::stop);
    }

    /** Asks every channel to look for due deliveries; cheap, and safe to call from any thread. */
    public void wake() {
        wake(Cause.MANUAL);
    }

    /**
     * The consumer's hook (and the escalation clock's), called once the transaction that handled one or
     * more events has committed: wakes only the channels that got new pending deliveries, and none when
     * nobody was notified (each woken worker runs a claim query, and most lifecycle events create no
     * delivery). A wake-up lost here costs at most one {@link #poll() poll} interval, never a delivery.
     */
    public void wakeIfAny(NewDeliveries created) {
        if (created == null) {
            return;
        }
        for (NotificationChannel channel : created.channels()) {
            Worker worker = workers.get(channel);
            if (worker != null) { // a delivery on a channel with no sender here waits for an instance that has one
                worker.wake(Cause.CREATED);
            }
        }
    }

    /**
     * Sends what is due on one channel on the calling thread (blocking) and returns how many deliveries it
     * handled; for operators' tooling and tests. Safe beside the workers: claimed rows are leased.
     */
    public int sendDue(NotificationChannel channel) {
        return workers.get(channel).pass();
    }

    /** Retries fall due with time, and a lost wake-up must not strand a delivery. */
    @Scheduled(every = "${handoff.notification.delivery.poll:2s}", delayed = "1s")
    void poll() {
        wake(Cause.POLL);
    }

    private void wake(Cause cause) {
        workers.values().forEach(worker -> worker.wake(cause));
    }

    /**
     * Why a worker was asked to look for due deliveries. The counter
     * {@code handoff.notifications.dispatch.wakeups{channel, cause}} counts the requests (those arriving
     * while a pass is already queued join it), so operators see what drives the claim queries.
     */
    enum Cause {
        /** The service started: what the last run left pending. */
        STARTUP,
        /** The safety poll: retries that fell due, wake-ups that were lost. */
        POLL,
        /** A committed transaction created deliveries on the channel (lifecycle events, the escalation clock). */
        CREATED,
        /** {@link #wake()}: operators' tooling and tests. */
        MANUAL;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final class Worker {

        private final ChannelSender sender;
        private final ExecutorService thread;
        private final AtomicBoolean queued = new AtomicBoolean();
        private final Map<Cause, Counter> wakeups = new EnumMap<>(Cause.class);

        Worker(ChannelSender sender) {
            this.sender = sender;
            for (Cause cause : Cause.values()) {
                wakeups.put(cause, Counter.builder("handoff.notifications.dispatch.wakeups")
                        .description("Requests to a channel's worker to claim due deliveries, by cause")
                        .tag("channel", sender.channel().name()).tag("cause", cause.tag())
                        .register(metrics));
            }
            this.thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "delivery-" + sender.channel().name().toLowerCase());
                t.setDaemon(true);
                return t;
            });
        }

        void wake(Cause cause) {
            wakeups.get(cause).increment();
            if (queued.compareAndSet(false, true)) {
                try {
                    thread.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    queued.set(false); // shutting down
                }
            }
        }

        void stop() {
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void drain() {
            queued.set(false);
            try {
                pass();
            } catch (RuntimeException e) {
                if (thread.isShutdown()) {
                    return; // stopping: leased rows are claimed again after the next start
                }
                Log.warnf("%s deliveries: pass failed, rows are retried on the next wake-up: %s", sender.channel(), e.toString());
            }
        }

        int pass() {
            int handled = 0;
            List<UUID> batch;
            do {
                batch = claim();
                batch.forEach(this::deliver);
                handled += batch.size();
            } while (batch.size() >= config.delivery().batchSize());
            return handled;
        }

        private List<UUID> claim() {
            Instant now = Instant.now(clock);
            Tuple args = Tuple.of(sender.channel().name(), utc(now), utc(now.plus(config.delivery().lease())),
                    config.delivery().batchSize());
            List<UUID> ids = new ArrayList<>();
            for (Row row : pool.preparedQuery(CLAIM).execute(args).await().atMost(Duration.ofSeconds(30))) {
                ids.add(row.getUUID("id"));
            }
            return ids;
        }

        private void deliver(UUID deliveryId) {
            Target target = await(() -> Panache.withSession(() -> Delivery.<Delivery>findById(deliveryId)
                    .chain(d -> Notification.<Notification>findById(d.notificationId).map(n -> new Target(d, n)))));
            long started = System.nanoTime();
            ChannelSender.Outcome outcome = null;
            DeliveryException failure = null;
            try {
                outcome = sender.send(target.delivery(), target.notification());
            } catch (DeliveryException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new DeliveryException(DeliveryFailure.UNREACHABLE, true, e.toString(), e);
            }
            metrics.timer("handoff.notifications.delivery", "channel", sender.channel().name(),
                    "outcome", failure == null ? outcome.name() : "FAILED").record(Duration.ofNanos(System.nanoTime() - started));
            ChannelSender.Outcome sent = outcome;
            DeliveryException failed = failure;
            await(() -> Panache.withTransaction(() -> Delivery.<Delivery>findById(deliveryId)
                    .chain(d -> record(d, target.notification(), sent, failed))));
        }

        private Uni<Void> record(Delivery d, Notification n, ChannelSender.Outcome outcome, DeliveryException failure) {
            Instant now = Instant.now(clock);
            d.leaseUntil = null;
            if (failure == null) {
                switch (outcome) {
                    case NO_SESSION -> d.status = Delivery.Status.NO_SESSION;
                    case SENT -> {
                        d.status = Delivery.Status.SENT;
                        d.sentAt = now;
                        return events.sent(n, d.channel, now);
                    }
                    case DELIVERED -> {
                        d.status = Delivery.Status.DELIVERED;
                        d.sentAt = now;
                        d.deliveredAt = now;
                        return events.sent(n, d.channel, now).chain(() -> events.delivered(n, d.channel, now));
                    }
                }
                return Uni.createFrom().voidItem();
            }
            d.lastError = truncate(failure.getMessage());
            boolean retry = failure.retryable() && d.attempts < config.delivery().maxAttempts();
            if (retry) {
                d.status = Delivery.Status.PENDING;
                d.nextAttemptAt = now.plus(config.delivery().backoff(d.attempts));
            } else {
                d.status = Delivery.Status.FAILED;
                d.failedAt = now;
                // the alert "delivery failures" watches this: a duty officer did not get this notification
                metrics.counter("handoff.notifications.delivery.given.up", "channel", d.channel.name()).increment();
            }
            Log.warnf("%s delivery %s of notification %s failed (attempt %d, %s): %s", d.channel, d.id, n.id, d.attempts,
                    retry ? "will retry at " + d.nextAttemptAt : "given up", failure.getMessage());
            return events.failed(n, d.channel, failure.failure(), retry, now);
        }
    }

    private record Target(Delivery delivery, Notification notification) {
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
    }

    private static <T> T await(java.util.function.Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
