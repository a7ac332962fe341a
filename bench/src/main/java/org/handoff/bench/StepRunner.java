package org.handoff.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One load step: send at a fixed rate, measure the machine while sending (Kafka messages and
 * PostgreSQL commits written, process memory and CPU), wait for the flow to drain, then read the
 * per-report timings back from the databases.
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

    StepRunner(Options options, OpenLoopDriver driver, FlowReader reader, Databases db, KafkaProbe kafka,
               ProcSampler sampler, RawLimits raw) {
        this.options = options;
        this.driver = driver;
        this.reader = reader;
        this.db = db;
        this.kafka = kafka;
        this.sampler = sampler;
        this.raw = raw;
    }

    Step run(double rate, Duration duration) throws Exception {
        long messagesBefore = kafka.messagesWritten();
        long commitsBefore = db.commits();
        sampler.begin();
        ScheduledExecutorService sampling = Bench.sampling(sampler);
        long t0 = System.nanoTime();
        OpenLoopDriver.StepLoad load = driver.run(rate, duration);
        double window = (System.nanoTime() - t0) / 1e9;
        sampling.shutdownNow();
        Map<String, Map<String, Double>> processes = sampler.end();
        long messages = kafka.messagesWritten() - messagesBefore;
        long commits = db.commits() - commitsBefore;

        driver.awaitAnswers(Duration.ofSeconds(40));
        double drainSeconds = drain(load.reports(), options.drain());
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
        out.put("pgCommitsPerSec", commits / window);
        out.put("pgCommitsPerReport", f.sent == 0 ? 0 : (double) commits / f.sent);
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
        long expected = reports.stream().filter(SentReport::accepted).mapToLong(r -> r.expected.size()).sum();
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        long last = -1;
        long lastProgress = t0;
        while (System.nanoTime() < deadline) {
            long received = reader.receivedSoFar(reports);
            if (received >= expected) {
                break;
            }
            if (received != last) {
                last = received;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(20)) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        // the closed loop at the origin trails RECEIVED by one more hop; give it a moment
        long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < settle && kafka.lag().values().stream().mapToLong(Long::longValue).sum() > 0) {
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
