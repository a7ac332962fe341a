package org.handoff.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One load step: send at a fixed rate, measure the machine while sending (Kafka messages and
 * PostgreSQL commits written, process memory and CPU), wait for the flow to drain, then read the
 * per-report timings back from the databases, with the step's PostgreSQL figures by service database
 * (commits per report and the busiest statements, from the start of sending until drained).
 */
final class StepRunner {

    /** A finished step: its reports, its figures for the results file, and why stepping should stop (or null). */
    record Step(List<SentReport> reports, Map<String, Object> figures, String broke) {
    }

    private final Options options;
    private final OpenLoopDriver driver;
    private final FlowReader reader;
    private final Databases db;
    private final KafkaProbe kafka;
    private final ProcSampler sampler;
    private final RawLimits raw;
    private final PgFigures pg;
    private final PgFigures.Totals wholeRun = new PgFigures.Totals();
    /** The drain's reads of referral-service's database so far: each is one commit of the bench's own there. */
    private long drainPolls;
    /** PostgreSQL 15 reports an idle backend's commits to pg_stat_database after at most 10 s (PGSTAT_IDLE_INTERVAL). */
    private static final long STATS_IDLE_REPORT_MS = 10_500;
    /**
     * After a chaos step, how long the drain waits without any referral becoming RECEIVED before it gives up:
     * a consumer holding its partition retries at most every 10 s (handoff.consumer max-backoff), and a service
     * catches up only after its restart, so 20 s of no progress does not yet mean stuck.
     */
    static final Duration CHAOS_STALL = Duration.ofSeconds(120);
    /** After a chaos step, how long the drain waits for every consumer group's lag to reach 0. */
    static final Duration CHAOS_LAG_SETTLE = Duration.ofSeconds(60);

    StepRunner(Options options, OpenLoopDriver driver, FlowReader reader, Databases db, KafkaProbe kafka,
               ProcSampler sampler, RawLimits raw) {
        this.options = options;
        this.driver = driver;
        this.reader = reader;
        this.db = db;
        this.kafka = kafka;
        this.sampler = sampler;
        this.raw = raw;
        this.pg = new PgFigures(db);
    }

    /** PostgreSQL by service database over every step run so far, the warm-up included. */
    Map<String, Object> wholeRunPostgres() {
        return wholeRun.figures();
    }

    Step run(double rate, Duration duration) throws Exception {
        return run(rate, duration, null);
    }

    /**
     * One step; with a {@code monkey} (bench.sh --chaos), the monkey kills and restarts its parts while the
     * step sends, and the step waits for its last restart before measuring the end of the window; the drain
     * then uses the chaos drain time and waits out longer stalls (consumers back off up to 10 s per retry
     * while a part is down).
     */
    Step run(double rate, Duration duration, ChaosMonkey monkey) throws Exception {
        pg.resetStatements();
        db.flushOwnStats();
        Databases.Commits commitsBefore = db.commits();
        long pollsBefore = drainPolls;
        long messagesBefore = kafka.messagesWritten();
        sampler.begin();
        ScheduledExecutorService sampling = Bench.sampling(sampler);
        long t0 = System.nanoTime();
        if (monkey != null) {
            monkey.start(duration);
        }
        OpenLoopDriver.StepLoad load = driver.run(rate, duration);
        if (monkey != null) {
            monkey.awaitDone();
        }
        double window = (System.nanoTime() - t0) / 1e9;
        sampling.shutdownNow();
        Map<String, Map<String, Double>> processes = sampler.end();
        long messages = kafka.messagesWritten() - messagesBefore;
        Databases.Commits commitsSent = db.commits();
        long commits = commitsSent.total() - commitsBefore.total();
        // a restart in the window resets the counters: no figure rather than a wrong one
        boolean pgRestarted = commitsBefore.postmasterStart() != null
                && !commitsBefore.postmasterStart().equals(commitsSent.postmasterStart());

        driver.awaitAnswers(Duration.ofSeconds(40));
        double drainSeconds = monkey == null ? drain(load.reports(), options.drain())
                : drain(load.reports(), options.chaos().drain(), CHAOS_STALL, CHAOS_LAG_SETTLE);
        // the services' backends, idle now, report their last commits up to 10 s late
        TimeUnit.MILLISECONDS.sleep(STATS_IDLE_REPORT_MS);
        db.flushOwnStats();
        Databases.Commits commitsDrained = db.commits();
        Map<String, Map<Long, PgFigures.Stmt>> statements = pg.readStatements();
        Map<String, String> statementsUnavailable = pg.unavailable();
        Map<String, Long> lag = kafka.lag();
        Map<UUID, FlowReader.CaseFlow> flows = reader.read(load.reports());
        StepFigures f = StepFigures.of(load.reports(), flows);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("offeredReportsPerSec", rate);
        out.put("durationSec", duration.toSeconds());
        out.put("sent", f.sent);
        out.put("accepted", f.acceptedCount);
        out.put("errors", f.errors);
        out.put("errorRate", f.errorRate());
        out.put("driverMaxSchedulingLagMs", load.maxSchedulingLagMicros() / 1000.0);
        out.put("driverMaxInFlight", load.maxInFlight());
        out.put("reportAcceptedMs", f.accepted.summary());
        out.put("allReferralsReceivedMs", f.allReceived.summary());
        out.put("firstFeedbackAtOriginMs", f.firstFeedback.summary());
        out.put("closedLoopAllReceivedAtOriginMs", f.closedLoop.summary());
        double span = f.lastReceivedMicros == 0 ? 0 : (f.lastReceivedMicros - load.startMicros()) / 1e6;
        out.put("completeReports", f.complete);
        out.put("sustainedReportsPerSec", span <= 0 ? 0 : f.complete / Math.max(span, duration.toSeconds()));
        out.put("sustainedHandoffsPerSec", span <= 0 ? 0 : f.referralsReceived / Math.max(span, duration.toSeconds()));
        out.put("referralsPerReport", f.acceptedCount == 0 ? 0 : (double) f.referralsReceived / f.acceptedCount);
        out.put("drainSeconds", drainSeconds);
        out.put("kafkaMessagesPerSec", messages / window);
        out.put("kafkaMessagesPerReport", f.sent == 0 ? 0 : (double) messages / f.sent);
        out.put("pgCommitsPerSec", pgRestarted ? null : commits / window);
        out.put("pgCommitsPerReport", pgRestarted ? null : f.sent == 0 ? 0 : (double) commits / f.sent);
        // the bench's own commits in the window: the last flush in each database; the two earlier snapshots
        // and the drain's checks in handoff_referral
        Map<String, Long> own = new HashMap<>();
        for (String service : Databases.SERVICES) {
            own.put(service, 1L);
        }
        own.merge("referral", 2 + drainPolls - pollsBefore, Long::sum);
        Map<String, Object> byDatabase = PgFigures.commits(commitsBefore, commitsDrained, own, f.sent);
        wholeRun.add(byDatabase, statements, statementsUnavailable);
        byDatabase.put("statements", PgFigures.top(statements, statementsUnavailable));
        out.put("postgresByDatabase", byDatabase);
        out.put("accounting", f.accounting);
        out.put("lost", f.lost());
        out.put("duplicated", f.duplicated());
        out.put("consumerLagAfterDrain", lag.values().stream().mapToLong(Long::longValue).sum());
        out.put("processes", processes);
        out.put("ratios", Summary.ratios(out, raw));

        String broke = null;
        if (f.errorRate() > options.errorLimit()) {
            broke = String.format("error rate %.2f%% > %.2f%%", 100 * f.errorRate(), 100 * options.errorLimit());
        } else if (f.complete < f.acceptedCount) {
            broke = (f.acceptedCount - f.complete) + " reports not fully received within the drain time";
        } else if (f.allReceived.count() > 0 && f.allReceived.percentileMs(99) > options.p99LimitMs()) {
            broke = String.format("p99 to all received %.0f ms > %.0f ms", f.allReceived.percentileMs(99), options.p99LimitMs());
        }
        out.put("broke", broke);
        return new Step(load.reports(), out, broke);
    }

    /** Waits until every accepted report's referrals are all RECEIVED, or no progress for 20 s, or the timeout. */
    double drain(List<SentReport> reports, Duration timeout) throws Exception {
        return drain(reports, timeout, Duration.ofSeconds(20), Duration.ofSeconds(15));
    }

    /**
     * Waits until every accepted report's referrals are all RECEIVED, or no progress for {@code stall}, or the
     * timeout; then up to {@code lagSettle} for the consumers' lag to reach 0 (the closed loop at the origin
     * trails RECEIVED by one more hop).
     */
    double drain(List<SentReport> reports, Duration timeout, Duration stall, Duration lagSettle) throws Exception {
        long expected = reports.stream().filter(SentReport::accepted).mapToLong(r -> r.expected.size()).sum();
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        long last = -1;
        long lastProgress = t0;
        while (System.nanoTime() < deadline) {
            long received = reader.receivedSoFar(reports);
            drainPolls++;
            if (received >= expected) {
                break;
            }
            if (received != last) {
                last = received;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        // the closed loop at the origin trails RECEIVED by one more hop; give it a moment
        long settle = System.nanoTime() + lagSettle.toNanos();
        while (System.nanoTime() < settle && kafka.lag().values().stream().mapToLong(Long::longValue).sum() > 0) {
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
