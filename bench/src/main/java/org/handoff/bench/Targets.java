package org.handoff.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The targets beside what this run measured; reported, never enforced. */
final class Targets {

    static final List<String> SERVICES = List.of("referral-service", "police-service", "health-service",
            "social-service", "notification-service");

    private Targets() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> evaluate(List<Map<String, Object>> steps, Map<String, Object> results) {
        Map<String, Object> t = new LinkedHashMap<>();
        Map<String, Object> accounting = (Map<String, Object>) results.get("accounting");
        boolean noneLost = accounting != null && ((int) accounting.get("lost")) == 0 && ((int) accounting.get("duplicated")) == 0;
        double best = 0;
        for (Map<String, Object> s : steps) {
            if ((int) s.get("lost") == 0 && s.get("broke") == null) {
                best = Math.max(best, (double) s.get("sustainedReportsPerSec"));
            }
        }
        t.put("sustainedReportsPerSec", Map.of("target", ">= 500 with none lost", "measured", best,
                "noneLost", noneLost, "met", best >= 500 && noneLost));
        Map<String, Object> at100 = steps.stream().filter(s -> (double) s.get("offeredReportsPerSec") == 100.0)
                .findFirst().orElse(null);
        if (at100 == null) {
            t.put("latencyAt100", Map.of("target", "p50 <= 25 ms, p99 <= 250 ms", "measured", "no 100/s step ran"));
            return t;
        }
        Map<String, Object> all = (Map<String, Object>) at100.get("allReferralsReceivedMs");
        Object p50 = all.get("p50");
        Object p99 = all.get("p99");
        t.put("latencyAt100", Map.of("target", "p50 <= 25 ms, p99 <= 250 ms", "p50", p50 == null ? "n/a" : p50,
                "p99", p99 == null ? "n/a" : p99,
                "met", p50 != null && (double) p50 <= 25 && (double) p99 <= 250));
        Map<String, Map<String, Double>> procs = (Map<String, Map<String, Double>>) at100.get("processes");
        double rss = SERVICES.stream().filter(procs::containsKey).mapToDouble(s -> procs.get(s).get("rssMiBMax")).sum();
        t.put("servicesMemoryAt100", Map.of("target", "five services <= 1536 MiB resident", "measuredMiB", rss,
                "met", rss <= 1536));
        return t;
    }
}
