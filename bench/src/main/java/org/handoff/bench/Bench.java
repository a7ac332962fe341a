package org.handoff.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * End-to-end handoff benchmark on the running local stack. Steps the open-loop arrival rate up until
 * the p99 to all-referrals-received or the error rate breaks (or the flow no longer drains), then
 * checks that every accepted report is in referral-service with exactly its referrals, all received.
 * Exit status 1 only if reports or referrals were lost or duplicated; never for speed.
 * <p>
 * With {@code --chaos} (bench.sh --chaos) it runs one sustained step at {@code --chaos-rate} instead, killing
 * each part of the stack in turn and restarting it ({@link ChaosMonkey}), and reports, besides the same
 * accounting, what was dead-lettered, what was done twice and how long the flow took to recover after each
 * kill ({@link ChaosReport}). Exit status 1 if anything was lost, dead-lettered or duplicated; 2 if only a part
 * could not be restarted.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Options.Chaos chaos = options.chaos();
        Map<String, String> secrets = options.secrets();
        Map<Sector, String> clientSecrets = new EnumMap<>(Sector.class);
        for (Sector sector : Sector.values()) {
            clientSecrets.put(sector, secrets.get(sector.name() + "_SYSTEM_CLIENT_SECRET"));
        }
        RawLimits raw = RawLimits.read(options.rawDir());
        Instant startedAt = Instant.now();
        List<Map<String, Object>> steps = new ArrayList<>();
        List<SentReport> everything = new ArrayList<>();
        Map<String, Object> results = new LinkedHashMap<>();
        int exit;
        try (Tokens tokens = new Tokens(options.keycloak(), clientSecrets);
             Databases db = new Databases(options.dbHost(), options.dbPort(), secrets, options.dbReconnect()).open();
             KafkaProbe kafka = new KafkaProbe(options.kafkaBootstrap(), options.kafkaConfig(), options.kafkaReconnect());
             OpenLoopDriver driver = new OpenLoopDriver(tokens, new ReportFactory(options.seed()))) {
            tokens.start();
            ProcSampler sampler = new ProcSampler(options.runDir(), options.postmasterPidFile());
            StepRunner runner = new StepRunner(options, driver, new FlowReader(db), db, kafka, sampler, raw);
            Map<String, Long> dlqBefore = kafka.deadLetteredByTopic();
            PgFigures pg = new PgFigures(db);
            Map<String, Object> sizesBefore = pg.tableSizes();
            log("table sizes before the run: %s", Summary.tableSizes(sizesBefore));

            ChaosRun chaosRun = null;
            if (chaos.enabled()) {
                chaosRun = chaos(options, runner, everything, steps);
            } else {
                log("idle: the stack's own CPU and memory for 10 s with no load");
                sampler.begin();
                for (int i = 0; i < 10; i++) {
                    TimeUnit.SECONDS.sleep(1);
                    sampler.sample();
                }
                results.put("idleProcesses", sampler.end());

                log("warm-up: %.0f reports/s for %ds (not reported)", options.warmupRate(), options.warmup().toSeconds());
                StepRunner.Step warm = runner.run(options.warmupRate(), options.warmup());
                everything.addAll(warm.reports());

                for (double rate : options.rates()) {
                    log("step: %.0f reports/s for %ds", rate, options.step().toSeconds());
                    StepRunner.Step step = runner.run(rate, options.step());
                    everything.addAll(step.reports());
                    steps.add(step.figures());
                    log("  %s", Summary.stepLine(step.figures()));
                    Summary.postgresLines(step.figures().get("postgresByDatabase"), 3).forEach(l -> log("  %s", l));
                    if (step.broke() != null) {
                        log("  stopping: %s", step.broke());
                        break;
                    }
                }
            }

            log("final accounting of all %d reports sent", everything.size());
            if (chaos.enabled()) {
                runner.drain(everything, chaos.drain(), StepRunner.CHAOS_STALL, StepRunner.CHAOS_LAG_SETTLE);
            } else {
                runner.drain(everything, options.drain());
            }
            FlowReader reader = new FlowReader(db);
            Map<UUID, FlowReader.CaseFlow> flows = reader.read(everything);
            StepFigures all = StepFigures.of(everything, flows);
            Map<String, Long> dlqAfter = kafka.deadLetteredByTopic();
            Map<String, Long> deadLettered = new TreeMap<>();
            dlqAfter.forEach((topic, end) -> deadLettered.put(topic, end - dlqBefore.getOrDefault(topic, 0L)));
            long deadLetteredTotal = deadLettered.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Object> accounting = new LinkedHashMap<>();
            accounting.put("reportsSent", all.sent);
            accounting.put("reportsAccepted", all.acceptedCount);
            accounting.put("reportsRejectedOrFailed", all.sent - all.acceptedCount);
            accounting.put("casesInReferralService", all.acceptedCount - all.accounting.get("casesMissing"));
            accounting.put("referralsExpected", everything.stream().filter(SentReport::accepted)
                    .mapToInt(r -> r.expected.size()).sum());
            accounting.put("referralsMade", all.referralsMade);
            accounting.put("referralsReceived", all.referralsReceived);
            accounting.putAll(all.accounting);
            accounting.put("closedLoopIncomplete", all.closedLoopIncomplete);
            accounting.put("intakeRowsSinceStart", IntakeCount.since(db, startedAt));
            accounting.put("deadLettered", deadLetteredTotal);
            accounting.put("deadLetteredByTopic", deadLettered);
            accounting.put("lost", all.lost());
            accounting.put("duplicated", all.duplicated());
            results.put("accounting", accounting);
            Map<String, Long> lagAtEnd = kafka.lag();
            results.put("consumerLagAtEnd", lagAtEnd);
            Map<String, Object> postgres = runner.wholeRunPostgres();
            results.put("postgresByDatabase", postgres);
            Summary.postgresLines(postgres, 3).forEach(l -> log("whole run: %s", l));
            Map<String, Object> sizesAfter = pg.tableSizes();
            log("table sizes after the run: %s", Summary.tableSizes(sizesAfter));
            Map<String, Object> tableSizes = new LinkedHashMap<>();
            tableSizes.put("before", sizesBefore);
            tableSizes.put("after", sizesAfter);
            results.put("tableSizes", tableSizes);
            results.put("databaseReconnects", db.reconnects());
            exit = all.lost() > 0 || all.duplicated() > 0 ? 1 : 0;

            if (chaosRun != null) {
                Map<String, Object> c = chaosRun.figures;
                c.put("kills", ChaosReport.recovery(chaosRun.kills, chaosRun.stepStartMicros, chaosRun.reports, flows,
                        chaosRun.thresholdMs));
                Map<String, Object> overdue = ChaosReport.overdueDuplicates(db, startedAt);
                Map<String, Object> notifications = ChaosReport.notificationDuplicates(db, startedAt);
                Map<String, Object> lifecycle = ChaosReport.lifecycleDuplicates(db, everything);
                c.put("overdueEscalationsDuplicated", overdue);
                c.put("escalationNotificationsDuplicated", notifications);
                c.put("lifecycleEventsDuplicated", lifecycle);
                c.put("consumerGroupsLaggingAtEnd", lagAtEnd.entrySet().stream().filter(e -> e.getValue() != 0)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new)));
                // during a chaos run an infrastructure failure must be retried, never dead-lettered: a dead
                // letter is an event its consumer did not apply, and a duplicate anywhere is an effect applied twice
                List<String> failures = new ArrayList<>();
                if (all.lost() > 0) {
                    failures.add(all.lost() + " lost (cases or referrals missing, or referrals not RECEIVED)");
                }
                if (all.duplicated() > 0) {
                    failures.add(all.duplicated() + " referrals duplicated");
                }
                if (all.closedLoopIncomplete > 0) {
                    failures.add(all.closedLoopIncomplete + " cases whose origin did not see every referral RECEIVED");
                }
                if (deadLetteredTotal > 0) {
                    failures.add(deadLetteredTotal + " records dead-lettered " + deadLettered);
                }
                for (Map.Entry<String, Map<String, Object>> d : Map.of("overdue escalations", overdue,
                        "escalation notifications", notifications, "lifecycle events", lifecycle).entrySet()) {
                    long n = ((Number) d.getValue().get("duplicated")).longValue();
                    if (n > 0) {
                        failures.add(n + " " + d.getKey() + " duplicated");
                    }
                }
                if (chaosRun.monkeyFailed) {
                    failures.add("a part could not be killed or was not up again (see kills)");
                }
                c.put("failures", failures);
                results.put("chaos", c);
                if (!failures.isEmpty()) {
                    // 1: something lost or done twice; 2: only the stack itself failed (a part not restarted)
                    exit = failures.size() == 1 && chaosRun.monkeyFailed ? 2 : 1;
                }
            }
        }
        results.put("raw", Map.of("kafkaProducer", raw.kafkaProducer, "kafkaEndToEnd", raw.kafkaEndToEnd,
                "pgbench", raw.pgbench));
        results.put("steps", steps);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("startedAt", startedAt.toString());
        run.put("finishedAt", Instant.now().toString());
        run.put("cores", Runtime.getRuntime().availableProcessors());
        run.put("note", options.note());
        run.put("method", chaos.enabled() ? Summary.METHOD + " " + Summary.CHAOS_METHOD : Summary.METHOD);
        Map<String, Object> opts = new LinkedHashMap<>();
        if (chaos.enabled()) {
            opts.put("chaos", true);
            opts.put("chaosRate", chaos.rate());
            opts.put("chaosSeconds", chaos.step().toSeconds());
            opts.put("chaosPauseSeconds", chaos.pause().toSeconds());
            opts.put("chaosBaselineSeconds", chaos.baseline().toSeconds());
            opts.put("chaosDrainSeconds", chaos.drain().toSeconds());
            opts.put("chaosParts", chaos.parts());
        } else {
            opts.put("rates", options.rates());
            opts.put("stepSeconds", options.step().toSeconds());
            opts.put("p99LimitMs", options.p99LimitMs());
            opts.put("errorLimit", options.errorLimit());
        }
        opts.put("warmupSeconds", options.warmup().toSeconds());
        opts.put("warmupRate", options.warmupRate());
        opts.put("seed", options.seed());
        opts.put("dbReconnectSeconds", options.dbReconnect().toSeconds());
        opts.put("kafkaReconnectSeconds", options.kafkaReconnect().toSeconds());
        run.put("options", opts);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run);
        out.putAll(results);
        out.put("targets", Targets.evaluate(steps, results));
        ResultsWriter.write(options.outDir(), startedAt, out);
        System.out.println(Summary.text(out, raw));
        System.exit(exit);
    }

    /** The chaos step's reports and kills, and the figures known before the final accounting. */
    private record ChaosRun(List<SentReport> reports, List<ChaosMonkey.Kill> kills, long stepStartMicros,
                            Double thresholdMs, boolean monkeyFailed, Map<String, Object> figures) {
    }

    /**
     * bench.sh --chaos: an optional warm-up, a fault-free baseline step at the chaos rate (its p99 to all
     * received sets the recovery threshold, 2 x p99), then one step at the same rate while {@link ChaosMonkey}
     * kills and restarts each part in turn.
     */
    private static ChaosRun chaos(Options options, StepRunner runner, List<SentReport> everything,
                                  List<Map<String, Object>> steps) throws Exception {
        Options.Chaos chaos = options.chaos();
        if (options.warmup().toSeconds() > 0) {
            log("warm-up: %.0f reports/s for %ds (not reported)", options.warmupRate(), options.warmup().toSeconds());
            everything.addAll(runner.run(options.warmupRate(), options.warmup()).reports());
        }
        log("chaos baseline: %.0f reports/s for %ds, no faults", chaos.rate(), chaos.baseline().toSeconds());
        StepRunner.Step baseline = runner.run(chaos.rate(), chaos.baseline());
        everything.addAll(baseline.reports());
        baseline.figures().put("phase", "chaos baseline (no faults)");
        steps.add(baseline.figures());
        log("  %s", Summary.stepLine(baseline.figures()));
        @SuppressWarnings("unchecked")
        Object p99 = ((Map<String, Object>) baseline.figures().get("allReferralsReceivedMs")).get("p99");
        Double baselineP99 = p99 instanceof Number n ? n.doubleValue() : null;
        Double threshold = baselineP99 == null ? null : 2 * baselineP99;
        if (baseline.broke() != null) {
            log("  baseline: %s (the recovery threshold is measured against it all the same)", baseline.broke());
        }

        ChaosMonkey monkey = new ChaosMonkey(options.localDir(), options.runDir(), options.postmasterPidFile(),
                chaos.parts(), chaos.pause());
        log("chaos: %.0f reports/s for %ds, killing %s in turn (restart after %ds)", chaos.rate(), chaos.step().toSeconds(),
                String.join(", ", chaos.parts()), chaos.pause().toSeconds());
        StepRunner.Step step = runner.run(chaos.rate(), chaos.step(), monkey);
        everything.addAll(step.reports());
        step.figures().put("phase", "chaos");
        steps.add(step.figures());
        log("  %s", Summary.stepLine(step.figures()));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rate", chaos.rate());
        figures.put("baselineAllReceivedP99Ms", baselineP99);
        figures.put("recoveryThresholdMs", threshold);
        figures.put("baselineBroke", baseline.broke());
        return new ChaosRun(step.reports(), monkey.awaitDone(), monkey.startMicros(), threshold, monkey.failed(), figures);
    }

    static void log(String format, Object... args) {
        System.err.printf("[bench %s] %s%n", java.time.LocalTime.now().withNano(0), String.format(format, args));
    }

    /** Samples process memory once a second while a step sends. */
    static ScheduledExecutorService sampling(ProcSampler sampler) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "proc-sampler");
            t.setDaemon(true);
            return t;
        });
        s.scheduleAtFixedRate(sampler::sample, 1, 1, TimeUnit.SECONDS);
        return s;
    }

    static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }
}
