package org.handoff.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end handoff benchmark on the running local stack. Steps the open-loop arrival rate up until
 * the p99 to all-referrals-received or the error rate breaks (or the flow no longer drains), then
 * checks that every accepted report is in referral-service with exactly its referrals, all received.
 * Exit status 1 only if reports or referrals were lost or duplicated; never for speed.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
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
             Databases db = new Databases(options.dbHost(), options.dbPort(), secrets).open();
             KafkaProbe kafka = new KafkaProbe(options.kafkaBootstrap(), options.kafkaConfig());
             OpenLoopDriver driver = new OpenLoopDriver(tokens, new ReportFactory(options.seed()))) {
            tokens.start();
            ProcSampler sampler = new ProcSampler(options.runDir(), options.postmasterPid());
            StepRunner runner = new StepRunner(options, driver, new FlowReader(db), db, kafka, sampler, raw);
            long dlqBefore = kafka.deadLettered();

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
                if (step.broke() != null) {
                    log("  stopping: %s", step.broke());
                    break;
                }
            }

            log("final accounting of all %d reports sent", everything.size());
            runner.drain(everything, options.drain());
            FlowReader reader = new FlowReader(db);
            Map<UUID, FlowReader.CaseFlow> flows = reader.read(everything);
            StepFigures all = StepFigures.of(everything, flows);
            Map<String, Object> accounting = new LinkedHashMap<>();
            accounting.put("reportsSent", all.sent);
            accounting.put("reportsAccepted", all.acceptedCount);
            accounting.put("reportsRejectedOrFailed", all.sent - all.acceptedCount);
            accounting.put("casesInReferralService", all.acceptedCount - all.accounting.get("casesMissing"));
            accounting.put("referralsExpected", everything.stream().filter(SentReport::accepted)
                    .mapToInt(r -> r.expected.size()).sum());
            accounting.put("referralsReceived", all.referralsReceived);
            accounting.putAll(all.accounting);
            accounting.put("intakeRowsSinceStart", IntakeCount.since(db, startedAt));
            accounting.put("deadLettered", kafka.deadLettered() - dlqBefore);
            accounting.put("lost", all.lost());
            accounting.put("duplicated", all.duplicated());
            results.put("accounting", accounting);
            results.put("consumerLagAtEnd", kafka.lag());
            exit = all.lost() > 0 || all.duplicated() > 0 ? 1 : 0;
        }
        results.put("raw", Map.of("kafkaProducer", raw.kafkaProducer, "kafkaEndToEnd", raw.kafkaEndToEnd,
                "pgbench", raw.pgbench));
        results.put("steps", steps);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("startedAt", startedAt.toString());
        run.put("finishedAt", Instant.now().toString());
        run.put("cores", Runtime.getRuntime().availableProcessors());
        run.put("note", options.note());
        run.put("method", Summary.METHOD);
        run.put("options", Map.of("rates", options.rates(), "stepSeconds", options.step().toSeconds(),
                "warmupSeconds", options.warmup().toSeconds(), "warmupRate", options.warmupRate(),
                "p99LimitMs", options.p99LimitMs(), "errorLimit", options.errorLimit(), "seed", options.seed()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run);
        out.putAll(results);
        out.put("targets", Targets.evaluate(steps, results));
        ResultsWriter.write(options.outDir(), startedAt, out);
        System.out.println(Summary.text(out, raw));
        System.exit(exit);
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
