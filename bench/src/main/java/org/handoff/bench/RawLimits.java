package org.handoff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's own limits, measured by deploy/local/bench.sh just before the load in the same run:
 * parses the output of Kafka's ProducerPerformance and EndToEndLatency and of pgbench.
 */
final class RawLimits {

    private static final Pattern PRODUCER = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\),"
            + " ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");
    private static final Pattern E2E_AVG = Pattern.compile("Avg latency: ([\\d.]+) ms");
    private static final Pattern E2E_PCT = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");
    private static final Pattern PG_TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");
    private static final Pattern PG_LAT = Pattern.compile("latency average = ([\\d.]+) ms");
    private static final Pattern PG_CLIENTS = Pattern.compile("number of clients: (\\d+)");
    private static final Pattern PG_SCALE = Pattern.compile("scaling factor: (\\d+)");

    final Map<String, Object> kafkaProducer = new LinkedHashMap<>();
    final Map<String, Object> kafkaEndToEnd = new LinkedHashMap<>();
    final Map<String, Object> pgbench = new LinkedHashMap<>();

    static RawLimits read(Path dir) throws IOException {
        RawLimits raw = new RawLimits();
        if (dir == null) {
            return raw;
        }
        Matcher m = last(PRODUCER, dir.resolve("producer-performance.txt"));
        if (m != null) {
            raw.kafkaProducer.put("tool", "org.apache.kafka.tools.ProducerPerformance, 1 KiB records, acks=all, 3 partitions");
            raw.kafkaProducer.put("records", Long.parseLong(m.group(1)));
            raw.kafkaProducer.put("recordsPerSec", Double.parseDouble(m.group(2)));
            raw.kafkaProducer.put("mbPerSec", Double.parseDouble(m.group(3)));
            raw.kafkaProducer.put("avgLatencyMs", Double.parseDouble(m.group(4)));
            raw.kafkaProducer.put("p50Ms", Double.parseDouble(m.group(6)));
            raw.kafkaProducer.put("p99Ms", Double.parseDouble(m.group(8)));
        }
        Matcher avg = last(E2E_AVG, dir.resolve("end-to-end-latency.txt"));
        Matcher pct = last(E2E_PCT, dir.resolve("end-to-end-latency.txt"));
        if (avg != null && pct != null) {
            raw.kafkaEndToEnd.put("tool", "org.apache.kafka.tools.EndToEndLatency, 1 KiB, acks=all, one message at a time");
            raw.kafkaEndToEnd.put("avgMs", Double.parseDouble(avg.group(1)));
            raw.kafkaEndToEnd.put("p50Ms", Double.parseDouble(pct.group(1)));
            raw.kafkaEndToEnd.put("p99Ms", Double.parseDouble(pct.group(2)));
            raw.kafkaEndToEnd.put("p999Ms", Double.parseDouble(pct.group(3)));
        }
        Matcher tps = last(PG_TPS, dir.resolve("pgbench.txt"));
        if (tps != null) {
            raw.pgbench.put("tool", "pgbench (TPC-B-like, one commit per transaction)");
            raw.pgbench.put("tps", Double.parseDouble(tps.group(1)));
            Matcher lat = last(PG_LAT, dir.resolve("pgbench.txt"));
            Matcher clients = last(PG_CLIENTS, dir.resolve("pgbench.txt"));
            Matcher scale = last(PG_SCALE, dir.resolve("pgbench.txt"));
            if (lat != null) {
                raw.pgbench.put("latencyAvgMs", Double.parseDouble(lat.group(1)));
            }
            if (clients != null) {
                raw.pgbench.put("clients", Integer.parseInt(clients.group(1)));
            }
            if (scale != null) {
                raw.pgbench.put("scale", Integer.parseInt(scale.group(1)));
            }
        }
        return raw;
    }

    Double kafkaRecordsPerSec() {
        return (Double) kafkaProducer.get("recordsPerSec");
    }

    Double kafkaE2eP50Ms() {
        return (Double) kafkaEndToEnd.get("p50Ms");
    }

    Double pgTps() {
        return (Double) pgbench.get("tps");
    }

    private static Matcher last(Pattern pattern, Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        Matcher found = null;
        List<String> lines = Files.readAllLines(file);
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                found = m;
            }
        }
        return found;
    }
}
