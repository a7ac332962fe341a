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

/** Command-line options of the benchmark; deploy/local/bench.sh passes them. */
record Options(List<Double> rates, Duration step, Duration warmup, double warmupRate, Duration drain,
               double p99LimitMs, double errorLimit, Path rawDir, Path outDir, Path runDir, Path secretsFile,
               Path kafkaConfig, String kafkaBootstrap, String keycloak, String dbHost, int dbPort,
               Long postmasterPid, String note, long seed) {

    static Options parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            a.put(args[i].substring(2), args[i + 1]);
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
                a.containsKey("postmaster-pid") ? Long.parseLong(a.get("postmaster-pid")) : null,
                a.getOrDefault("note", ""),
                Long.parseLong(a.getOrDefault("seed", "7")));
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
