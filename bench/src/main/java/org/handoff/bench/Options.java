package org.handoff.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** Command-line options of the benchmark; deploy/local/bench.sh passes them. */
record Options(List<Double> rates, Duration step, Duration warmup, double warmupRate, Duration drain,
               double p99LimitMs, double errorLimit, Path rawDir, Path outDir, Path runDir, Path secretsFile,
               Path kafkaConfig, String kafkaBootstrap, String keycloak, String dbHost, int dbPort,
               Duration dbReconnect, Duration kafkaReconnect, Path postmasterPidFile, Path localDir, Chaos chaos,
               String note, long seed) {

    /** The parts a chaos run kills in turn, in this order: the five services, the broker, PostgreSQL's postmaster. */
    static final List<String> CHAOS_PARTS = List.of("referral-service", "police-service", "health-service",
            "social-service", "notification-service", "kafka", "postgresql");

    /**
     * A chaos run (bench.sh --chaos): a fault-free baseline step at {@code rate}, then one step at the same rate
     * during which each of {@code parts} is killed with SIGKILL and restarted by the project's scripts after
     * {@code pause}, the kills spaced evenly over the step; then a drain of up to {@code drain}.
     */
    record Chaos(boolean enabled, double rate, Duration step, Duration pause, Duration baseline, Duration drain,
                 List<String> parts) {
    }

    static Options parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            // a name without a value (followed by another --name, or last) is a switch: --chaos
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            a.put(args[i].substring(2), flag ? "yes" : args[++i]);
        }
        return new Options(
                Arrays.stream(a.getOrDefault("rates", "5,10,20,40,60,80,100,150,200,300,400,500").split(","))
                        .map(String::trim).map(Double::parseDouble).toList(),
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("step-seconds", "30"))),
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("warmup-seconds", "60"))),
                Double.parseDouble(a.getOrDefault("warmup-rate", "5")),
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("drain-seconds", "120"))),
                Double.parseDouble(a.getOrDefault("p99-limit-ms", "1000")),
                Double.parseDouble(a.getOrDefault("error-limit", "0.01")),
                a.containsKey("raw") ? Path.of(a.get("raw")) : null,
                Path.of(a.getOrDefault("out", "bench/results")),
                Path.of(a.getOrDefault("run-dir", "deploy/local/var/run")),
                Path.of(a.getOrDefault("secrets", "deploy/local/var/secrets.env")),
                a.containsKey("kafka-config") ? Path.of(a.get("kafka-config")) : null,
                a.getOrDefault("kafka", "localhost:9092"),
                a.getOrDefault("keycloak", "http://localhost:8180"),
                a.getOrDefault("db-host", "localhost"),
                Integer.parseInt(a.getOrDefault("db-port", "5432")),
                // how long a database read keeps reconnecting after losing its connection (a PostgreSQL restart)
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("db-reconnect-seconds", "60"))),
                // how long a broker query keeps retrying while the broker is away (restarting)
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("kafka-reconnect-seconds", "120"))),
                // re-read at every sample, so the sampling follows a restarted PostgreSQL
                a.containsKey("postmaster-pid-file") ? Path.of(a.get("postmaster-pid-file")) : null,
                Path.of(a.getOrDefault("local-dir", "deploy/local")),
                new Chaos(Set.of("yes", "true", "1").contains(a.getOrDefault("chaos", "no")),
                        Double.parseDouble(a.getOrDefault("chaos-rate", "20")),
                        Duration.ofSeconds(Long.parseLong(a.getOrDefault("chaos-seconds", "300"))),
                        Duration.ofSeconds(Long.parseLong(a.getOrDefault("chaos-pause-seconds", "5"))),
                        Duration.ofSeconds(Long.parseLong(a.getOrDefault("chaos-baseline-seconds", "60"))),
                        Duration.ofSeconds(Long.parseLong(a.getOrDefault("chaos-drain-seconds", "600"))),
                        parts(a.getOrDefault("chaos-parts", String.join(",", CHAOS_PARTS)))),
                a.getOrDefault("note", ""),
                Long.parseLong(a.getOrDefault("seed", "7")));
    }

    private static List<String> parts(String list) {
        List<String> parts = Arrays.stream(list.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        for (String part : parts) {
            if (!CHAOS_PARTS.contains(part)) {
                throw new IllegalArgumentException("--chaos-parts: unknown part " + part + " (one of " + CHAOS_PARTS + ")");
            }
        }
        return parts;
    }

    Map<String, String> secrets() throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(secretsFile)) {
            p.load(reader);
        }
        Map<String, String> out = new HashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }
}
