package org.handoff.plumbing.deadletter;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.consumer.InfrastructureUnavailableException;
import org.handoff.plumbing.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bulk replays: the records are replayed one after another, at most
 * {@link DeadLetterSettings.Replay#ratePerSecond()} per second so a replay cannot swamp live traffic,
 * each through {@link DeadLetterService#replay} (so each is stored and audited with its outcome). A
 * part that is down pauses the job on that record until it is back; nothing is skipped. Jobs are
 * kept in this instance's memory for watching; the outcomes themselves are in the database.
 */
@ApplicationScoped
public class ReplayJobs {

    private static final Duration WAIT_FOR_INFRASTRUCTURE = Duration.ofSeconds(2);

    private final DeadLetterService deadLetters;
    private final DeadLetterSettings settings;
    private final Vertx vertx;
    private final Clock clock;
    private final Map<UUID, Running> jobs = new ConcurrentHashMap<>();

    public ReplayJobs(DeadLetterService deadLetters, DeadLetterSettings settings, Vertx vertx, Clock clock) {
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.vertx = vertx;
        this.clock = clock;
    }

    /** Starts replaying the given records (in the order given). */
    public Uni<ReplayJob> start(List<DeadLetterPosition> positions, AuditLog.Who who) {
        if (positions.stream().anyMatch(position -> position == null || position.topic() == null || position.topic().isBlank())) {
            return Uni.createFrom().failure(ProblemException.badRequest("every record needs topic, partition and offset"));
        }
        if (positions.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.badRequest("no dead letters to replay"));
        }
        if (positions.size() > settings.replay().maxRecords()) {
            return Uni.createFrom().failure(ProblemException.badRequest("a replay takes at most "
                    + settings.replay().maxRecords() + " dead letters, " + positions.size() + " were asked for: replay them in parts"));
        }
        Running job = new Running(UUID.randomUUID(), who, List.copyOf(positions), Instant.now(clock));
        return deadLetters.audited(who, "dead-letters.replay-started", job.id.toString(),
                        positions.size() + " records: " + abbreviated(positions))
                .invoke(() -> {
                    forgetOldJobs();
                    jobs.put(job.id, job);
                    Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
                    // its own reactive sessions, as a request's are
                    VertxContextSafetyToggle.setContextSafe(context, true);
                    context.runOnContext(ignored -> next(job, context));
                })
                .map(ignored -> job.view());
    }

    /** Every record matching the filter, oldest first (the order they failed in). */
    public Uni<ReplayJob> start(DeadLetterFilter filter, AuditLog.Who who) {
        return deadLetters.matching(filter).chain(matches -> {
            List<DeadLetterPosition> positions = new ArrayList<>(matches.stream().map(DeadLetter::position).toList());
            Collections.reverse(positions);
            return start(positions, who);
        });
    }

    /** The job's progress now; 404 when this instance knows no such job (or it finished long ago). */
    public Uni<ReplayJob> watch(UUID id, AuditLog.Who who) {
        Running job = jobs.get(id);
        if (job == null) {
            return Uni.createFrom().failure(ProblemException.notFound("replay " + id));
        }
        return deadLetters.audited(who, "dead-letters.replay-watched", id.toString(), job.done() + "/" + job.positions.size())
                .map(ignored -> job.view());
    }

    private void next(Running job, Context context) {
        if (job.done() == job.positions.size()) {
            job.finishedAt = Instant.now(clock);
            Log.infof("dead-letter replay %s finished: %s", job.id, job.counts());
            return;
        }
        DeadLetterPosition position = job.positions.get(job.done());
        deadLetters.replay(position, job.who).subscribe().with(
                result -> {
                    job.waitingFor = null;
                    job.add(result);
                    later(context, Duration.ofMillis(1000L / Math.max(1, settings.replay().ratePerSecond())), () -> next(job, context));
                },
                failure -> {
                    if (failure instanceof InfrastructureUnavailableException) {
                        job.waitingFor = failure.getMessage();
                    } else {
                        // e.g. the record is gone from the topic (retention): reported, and the job goes on
                        job.add(new ReplayResult(position, null, DeadLetterStatus.NOT_REPLAYED, failure.getMessage()));
                    }
                    later(context, failure instanceof InfrastructureUnavailableException ? WAIT_FOR_INFRASTRUCTURE : Duration.ZERO,
                            () -> next(job, context));
                });
    }

    private void later(Context context, Duration delay, Runnable step) {
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> context.runOnContext(ignored -> step.run()));
    }

    private void forgetOldJobs() {
        Instant horizon = Instant.now(clock).minus(settings.replay().keepFinished());
        jobs.values().removeIf(job -> job.finishedAt != null && job.finishedAt.isBefore(horizon));
    }

    private static String abbreviated(List<DeadLetterPosition> positions) {
        List<String> names = positions.stream().limit(20).map(DeadLetterPosition::toString).toList();
        return String.join(", ", names) + (positions.size() > names.size() ? ", …" : "");
    }

    /** A job's mutable progress; written only on its own Vert.x context, read by any request. */
    private final class Running {
        final UUID id;
        final AuditLog.Who who;
        final List<DeadLetterPosition> positions;
        final Instant startedAt;
        final List<ReplayResult> results = Collections.synchronizedList(new ArrayList<>());
        volatile Instant finishedAt;
        volatile String waitingFor;

        Running(UUID id, AuditLog.Who who, List<DeadLetterPosition> positions, Instant startedAt) {
            this.id = id;
            this.who = who;
            this.positions = positions;
            this.startedAt = startedAt;
        }

        int done() {
            return results.size();
        }

        void add(ReplayResult result) {
            results.add(result);
        }

        Map<String, Integer> counts() {
            Map<String, Integer> counts = new TreeMap<>();
            synchronized (results) {
                results.forEach(result -> counts.merge(result.outcome().label(), 1, Integer::sum));
            }
            return counts;
        }

        ReplayJob view() {
            List<ReplayResult> snapshot;
            synchronized (results) {
                snapshot = List.copyOf(results);
            }
            return new ReplayJob(id, finishedAt == null ? ReplayJob.State.RUNNING : ReplayJob.State.FINISHED, who.user(),
                    startedAt, finishedAt, positions.size(), snapshot.size(), counts(), waitingFor, snapshot);
        }
    }
}
