package org.handoff.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The printed summary: each figure beside the machine's raw limit, as a ratio. */
final class Summary {

    /** Kafka hops from the report to referral-service recording RECEIVED: case-reported, inbox, referral-status. */
    static final int HOPS_TO_RECEIVED = 3;

    static final String METHOD = "Open loop: report i is due at start + i/rate and latencies count from that due time."
            + " 'all referrals received' = latest referral_step.recorded_at (state RECEIVED) of the case in"
            + " handoff_referral minus the due time; 'first feedback at origin' = earliest processed_event.processed_at"
            + " of the origin sector's closed-loop consumer for the case's lifecycle events (ids from referral-service's"
            + " outbox) minus the due time. Kafka messages = growth of the handoff topics' end offsets, PostgreSQL commits"
            + " = growth of pg_stat_database.xact_commit of the five service databases, both over the sending window."
            + " Memory: RSS per JVM (with its child processes), PSS summed over PostgreSQL's processes.";

    private Summary() {
    }

    static Map<String, Object> ratios(Map<String, Object> step, RawLimits raw) {
        Map<String, Object> r = new LinkedHashMap<>();
        Double kafka = raw.kafkaRecordsPerSec();
        Double pg = raw.pgTps();
        double msgs = (double) step.get("kafkaMessagesPerSec");
        double commits = (double) step.get("pgCommitsPerSec");
        double handoffs = (double) step.get("sustainedHandoffsPerSec");
        if (kafka != null && kafka > 0) {
            r.put("kafkaMessagesPerSecOfRawProducer", msgs / kafka);
            r.put("handoffsPerSecOfRawProducer", handoffs / kafka);
        }
        if (pg != null && pg > 0) {
            r.put("pgCommitsPerSecOfPgbenchTps", commits / pg);
            r.put("handoffsPerSecOfPgbenchTps", handoffs / pg);
        }
        Double e2e = raw.kafkaE2eP50Ms();
        @SuppressWarnings("unchecked")
        Map<String, Object> all = (Map<String, Object>) step.get("allReferralsReceivedMs");
        if (e2e != null && e2e > 0 && all.get("p50") != null) {
            r.put("p50AllReceivedOverRawKafkaHops", (double) all.get("p50") / (HOPS_TO_RECEIVED * e2e));
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    static String stepLine(Map<String, Object> s) {
        Map<String, Object> all = (Map<String, Object>) s.get("allReferralsReceivedMs");
        Map<String, Object> fb = (Map<String, Object>) s.get("firstFeedbackAtOriginMs");
        return String.format("offered %5.0f/s  sustained %6.1f reports/s %6.1f handoffs/s  all-received p50 %s p99 %s"
                        + " p99.9 %s ms  first-feedback p50 %s p99 %s ms  errors %.2f%%  lost %s  dup %s  %.1f msgs/report"
                        + "  %.1f commits/report",
                s.get("offeredReportsPerSec"), s.get("sustainedReportsPerSec"), s.get("sustainedHandoffsPerSec"),
                ms(all, "p50"), ms(all, "p99"), ms(all, "p999"), ms(fb, "p50"), ms(fb, "p99"),
                100 * (double) s.get("errorRate"), s.get("lost"), s.get("duplicated"),
                s.get("kafkaMessagesPerReport"), s.get("pgCommitsPerReport"));
    }

    @SuppressWarnings("unchecked")
    static String text(Map<String, Object> out, RawLimits raw) {
        StringBuilder b = new StringBuilder("\n=== Handoff benchmark ===\n");
        b.append(String.format("raw Kafka producer (1 KiB, acks=all): %s records/s, p99 %s ms%n",
                raw.kafkaProducer.getOrDefault("recordsPerSec", "n/a"), raw.kafkaProducer.getOrDefault("p99Ms", "n/a")));
        b.append(String.format("raw Kafka end-to-end latency: p50 %s ms, p99 %s ms, p99.9 %s ms%n",
                raw.kafkaEndToEnd.getOrDefault("p50Ms", "n/a"), raw.kafkaEndToEnd.getOrDefault("p99Ms", "n/a"),
                raw.kafkaEndToEnd.getOrDefault("p999Ms", "n/a")));
        b.append(String.format("raw PostgreSQL (pgbench): %s tps, %s clients%n",
                raw.pgbench.getOrDefault("tps", "n/a"), raw.pgbench.getOrDefault("clients", "n/a")));
        Map<String, Map<String, Double>> idle = (Map<String, Map<String, Double>>) out.get("idleProcesses");
        if (idle != null) {
            b.append("idle (no load): ").append(processes(idle)).append('\n');
        }
        for (Map<String, Object> s : (List<Map<String, Object>>) out.get("steps")) {
            b.append(stepLine(s)).append('\n');
            Map<String, Object> r = (Map<String, Object>) s.get("ratios");
            b.append(String.format("      Kafka %.0f msgs/s = %s of raw producer; PostgreSQL %.0f commits/s = %s of pgbench;"
                            + " handoffs/s = %s of raw Kafka msgs/s, %s of pgbench tps; p50 all-received = %s x (3 raw Kafka hops)%n",
                    s.get("kafkaMessagesPerSec"), pct(r.get("kafkaMessagesPerSecOfRawProducer")),
                    s.get("pgCommitsPerSec"), pct(r.get("pgCommitsPerSecOfPgbenchTps")),
                    pct(r.get("handoffsPerSecOfRawProducer")), pct(r.get("handoffsPerSecOfPgbenchTps")),
                    r.get("p50AllReceivedOverRawKafkaHops") == null ? "n/a"
                            : String.format("%.1f", (double) r.get("p50AllReceivedOverRawKafkaHops"))));
            b.append("      ").append(processes((Map<String, Map<String, Double>>) s.get("processes"))).append('\n');
            if (s.get("broke") != null) {
                b.append("      broke: ").append(s.get("broke")).append('\n');
            }
        }
        b.append("accounting: ").append(out.get("accounting")).append('\n');
        b.append("consumer lag at end: ").append(((Map<String, Long>) out.get("consumerLagAtEnd")).values().stream()
                .mapToLong(Long::longValue).sum()).append(" messages\n");
        b.append("targets: ").append(out.get("targets")).append('\n');
        return b.toString();
    }

    /** "name peak-MiB cores; …" and the five services' total. */
    static String processes(Map<String, Map<String, Double>> procs) {
        StringBuilder b = new StringBuilder();
        procs.forEach((name, f) -> b.append(String.format("%s %.0f MiB %.2f cores; ", name.replace("-service", ""),
                f.get("rssMiBMax"), f.get("cpuCores"))));
        double rss = Targets.SERVICES.stream().filter(procs::containsKey).mapToDouble(p -> procs.get(p).get("rssMiBMax")).sum();
        double cpu = Targets.SERVICES.stream().filter(procs::containsKey).mapToDouble(p -> procs.get(p).get("cpuCores")).sum();
        return b.append(String.format("five services %.0f MiB %.2f cores", rss, cpu)).toString();
    }

    private static String ms(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "n/a" : String.format("%.1f", (double) v);
    }

    private static String pct(Object ratio) {
        return ratio == null ? "n/a" : String.format("%.1f%%", 100 * (double) ratio);
    }
}
