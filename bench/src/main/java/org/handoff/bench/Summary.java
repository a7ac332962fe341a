package org.handoff.bench;

import java.util.ArrayList;
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
            + " PostgreSQL by database: xact_commit growth per service database from the start of sending until"
            + " drained, less the bench's own reads, per report sent; statements from pg_stat_statements, reset in each"
            + " service database before the step and read once drained (the bench's own statements left out); the whole"
            + " run sums the warm-up and every step. Table sizes: count(*) and pg_total_relation_size before and after the run."
            + " Memory: RSS per JVM (with its child processes), PSS summed over PostgreSQL's processes.";

    static final String CHAOS_METHOD = "Chaos: after an optional warm-up, a baseline step at the chaos rate without"
            + " faults, then one step at the same rate during which each part (the five services, the Kafka broker,"
            + " PostgreSQL's postmaster) is killed with SIGKILL in turn, the kills spaced evenly over the step, and"
            + " restarted after the pause with deploy/local's own scripts; 'up again' = the start script returned"
            + " (the part answers its readiness check). Time to recover = from up-again to the due time of the first"
            + " report from which on every report due until the next kill less the threshold (or the end of the step)"
            + " was accepted and had all referrals RECEIVED within the threshold = 2 x the baseline's p99 to all"
            + " received. Dead-lettered = growth of the end offsets of every handoff.*.dlq topic over the run."
            + " Duplicates: overdue escalations in referral-service's outbox per (referral, deadline, level),"
            + " escalation notifications in notification-service per (escalation, level, person), lifecycle changes"
            + " in referral-service's outbox per (referral, state).";

    private Summary() {
    }

    static Map<String, Object> ratios(Map<String, Object> step, RawLimits raw) {
        Map<String, Object> r = new LinkedHashMap<>();
        Double kafka = raw.kafkaRecordsPerSec();
        Double pg = raw.pgTps();
        double msgs = (double) step.get("kafkaMessagesPerSec");
        // null when PostgreSQL restarted during the step (its counters were reset)
        Double commits = (Double) step.get("pgCommitsPerSec");
        double handoffs = (double) step.get("sustainedHandoffsPerSec");
        if (kafka != null && kafka > 0) {
            r.put("kafkaMessagesPerSecOfRawProducer", msgs / kafka);
            r.put("handoffsPerSecOfRawProducer", handoffs / kafka);
        }
        if (pg != null && pg > 0) {
            if (commits != null) {
                r.put("pgCommitsPerSecOfPgbenchTps", commits / pg);
            }
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
            if (s.get("phase") != null) {
                b.append(s.get("phase")).append(":\n");
            }
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
            postgresLines(s.get("postgresByDatabase"), 0).forEach(l -> b.append("      ").append(l).append('\n'));
            if (s.get("broke") != null) {
                b.append("      broke: ").append(s.get("broke")).append('\n');
            }
        }
        postgresLines(out.get("postgresByDatabase"), 3).forEach(l -> b.append("whole run: ").append(l).append('\n'));
        Map<String, Object> sizes = (Map<String, Object>) out.get("tableSizes");
        if (sizes != null) {
            b.append("table sizes, before -> after the run:\n");
            tableGrowth(sizes).forEach(l -> b.append("  ").append(l).append('\n'));
        }
        b.append("database reconnects: ").append(out.get("databaseReconnects")).append('\n');
        if (out.get("chaos") != null) {
            chaosLines((Map<String, Object>) out.get("chaos")).forEach(l -> b.append(l).append('\n'));
        }
        b.append("accounting: ").append(out.get("accounting")).append('\n');
        b.append("consumer lag at end: ").append(((Map<String, Long>) out.get("consumerLagAtEnd")).values().stream()
                .mapToLong(Long::longValue).sum()).append(" messages\n");
        b.append("targets: ").append(out.get("targets")).append('\n');
        return b.toString();
    }

    /** The chaos run's own lines: threshold, one line per kill, duplicates, dead letters, lagging groups, verdict. */
    @SuppressWarnings("unchecked")
    static List<String> chaosLines(Map<String, Object> c) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("chaos at %s reports/s: baseline p99 to all received %s ms, recovery threshold %s ms%s",
                c.get("rate"), c.get("baselineAllReceivedP99Ms"), c.get("recoveryThresholdMs"),
                c.get("baselineBroke") == null ? "" : " (baseline: " + c.get("baselineBroke") + ")"));
        for (Map<String, Object> k : (List<Map<String, Object>>) c.get("kills")) {
            String recovery;
            if (Boolean.TRUE.equals(k.get("recovered"))) {
                recovery = String.format("recovered %.1f s after up-again", ((Number) k.get("recoverySec")).doubleValue());
            } else if (Boolean.FALSE.equals(k.get("recovered"))) {
                recovery = "NOT RECOVERED: " + k.get("notRecovered");
            } else {
                recovery = "recovery not evaluated" + (k.get("notEvaluated") == null ? "" : ": " + k.get("notEvaluated"));
            }
            lines.add(String.format("  kill -9 %-20s at %s  up again %s (down %s s, %s attempt(s))  %s; %s of %s reports"
                            + " due while down failed%s",
                    k.get("part"), k.getOrDefault("killedAt", "-"), k.getOrDefault("upAgainAt", "-"),
                    k.get("downSec") == null ? "-" : String.format("%.1f", ((Number) k.get("downSec")).doubleValue()),
                    k.get("restartAttempts"), recovery, k.getOrDefault("reportsFailedWhileDown", "-"),
                    k.getOrDefault("reportsDueWhileDown", "-"), k.get("error") != null ? "  error: " + k.get("error")
                            : k.get("skipped") != null ? "  " + k.get("skipped") : ""));
        }
        for (String key : List.of("overdueEscalationsDuplicated", "escalationNotificationsDuplicated", "lifecycleEventsDuplicated")) {
            Map<String, Object> d = (Map<String, Object>) c.get(key);
            lines.add(String.format("  %s: %s%s", key, d.get("duplicated"),
                    ((List<?>) d.get("examples")).isEmpty() ? "" : " e.g. " + d.get("examples")));
        }
        lines.add("  consumer groups lagging at the end: " + c.get("consumerGroupsLaggingAtEnd"));
        List<String> failures = (List<String>) c.get("failures");
        lines.add(failures.isEmpty() ? "chaos verdict: nothing lost, dead-lettered or duplicated"
                : "chaos verdict: FAILED: " + String.join("; ", failures));
        return lines;
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

    /**
     * PostgreSQL by database of a step or the whole run: one line of commits per report, then per database
     * the {@code n} busiest statements by total time and by calls.
     */
    @SuppressWarnings("unchecked")
    static List<String> postgresLines(Object figures, int n) {
        List<String> lines = new ArrayList<>();
        if (!(figures instanceof Map)) {
            return lines;
        }
        Map<String, Object> pg = (Map<String, Object>) figures;
        StringBuilder b = new StringBuilder("PostgreSQL commits/report by database:");
        ((Map<String, Object>) pg.get("commitsPerReport")).forEach((db, v) ->
                b.append(' ').append(db).append(' ').append(v == null ? "n/a" : String.format("%.1f", ((Number) v).doubleValue())));
        if (Boolean.TRUE.equals(pg.get("postgresRestarted"))) {
            b.append("  (PostgreSQL restarted meanwhile)");
        }
        lines.add(b.toString());
        Map<String, Object> statements = (Map<String, Object>) pg.get("statements");
        if (n <= 0 || statements == null) {
            return lines;
        }
        statements.forEach((db, v) -> {
            Map<String, Object> m = (Map<String, Object>) v;
            if (m.containsKey("unavailable")) {
                lines.add(String.format("  %-12s statements n/a: %s", db, m.get("unavailable")));
                return;
            }
            for (String[] by : new String[][] {{"byTotalTime", "time"}, {"byCalls", "calls"}}) {
                ((List<Map<String, Object>>) m.get(by[0])).stream().limit(n).forEach(st -> lines.add(String.format(
                        "  %-12s top %-5s %10.1f ms %8d calls %8.3f ms/call %8d rows  %s", db, by[1],
                        ((Number) st.get("totalMs")).doubleValue(), st.get("calls"),
                        ((Number) st.get("meanMs")).doubleValue(), st.get("rows"), cut((String) st.get("query"), 90))));
            }
        });
        return lines;
    }

    /** "db: table N rows X MiB, …; …" of one table-sizes snapshot. */
    @SuppressWarnings("unchecked")
    static String tableSizes(Map<String, Object> sizes) {
        List<String> dbs = new ArrayList<>();
        sizes.forEach((db, tables) -> {
            List<String> t = new ArrayList<>();
            ((Map<String, Object>) tables).forEach((table, f) -> t.add(table + (f == null ? " absent"
                    : String.format(" %d rows %.1f MiB", ((Number) ((Map<String, Object>) f).get("rows")).longValue(),
                    mib(((Map<String, Object>) f).get("bytes"))))));
            dbs.add(db + ": " + String.join(", ", t));
        });
        return String.join("; ", dbs);
    }

    /** Per database: "table rows before -> after, MiB before -> after" for each table. */
    @SuppressWarnings("unchecked")
    static List<String> tableGrowth(Map<String, Object> tableSizes) {
        Map<String, Object> before = (Map<String, Object>) tableSizes.get("before");
        Map<String, Object> after = (Map<String, Object>) tableSizes.get("after");
        List<String> lines = new ArrayList<>();
        if (before == null || after == null) {
            return lines;
        }
        after.forEach((db, tables) -> {
            List<String> t = new ArrayList<>();
            ((Map<String, Object>) tables).forEach((table, f) -> {
                Map<String, Object> a = (Map<String, Object>) f;
                Map<String, Object> b = (Map<String, Object>) ((Map<String, Object>) before.get(db)).get(table);
                t.add(a == null ? table + " absent" : String.format("%s %s -> %d rows, %s -> %.1f MiB", table,
                        b == null ? "-" : String.valueOf(b.get("rows")), ((Number) a.get("rows")).longValue(),
                        b == null ? "-" : String.format("%.1f", mib(b.get("bytes"))), mib(a.get("bytes"))));
            });
            lines.add(String.format("%-12s %s", db, String.join("; ", t)));
        });
        return lines;
    }

    static double mib(Object bytes) {
        return ((Number) bytes).doubleValue() / (1024 * 1024);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String ms(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "n/a" : String.format("%.1f", (double) v);
    }

    private static String pct(Object ratio) {
        return ratio == null ? "n/a" : String.format("%.1f%%", 100 * (double) ratio);
    }
}
