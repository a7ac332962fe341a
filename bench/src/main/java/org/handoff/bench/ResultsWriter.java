package org.handoff.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** bench/results/&lt;timestamp&gt;.json and .html (latency percentiles against arrival rate, inline SVG). */
final class ResultsWriter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Busiest statements per database shown in the HTML (the JSON has the top 10, per step too). */
    private static final int HTML_TOP = 5;
    private static final String[][] SERIES = {
            {"allReferralsReceivedMs", "p50", "all received p50", "#1f77b4", ""},
            {"allReferralsReceivedMs", "p99", "all received p99", "#1f77b4", "6,3"},
            {"allReferralsReceivedMs", "p999", "all received p99.9", "#1f77b4", "2,3"},
            {"firstFeedbackAtOriginMs", "p50", "first feedback p50", "#d62728", ""},
            {"firstFeedbackAtOriginMs", "p99", "first feedback p99", "#d62728", "6,3"},
            {"reportAcceptedMs", "p99", "report accepted (HTTP) p99", "#2ca02c", "6,3"},
    };

    private ResultsWriter() {
    }

    static void write(Path dir, Instant startedAt, Map<String, Object> results) throws IOException {
        Files.createDirectories(dir);
        String stamp = STAMP.format(startedAt);
        Path json = dir.resolve(stamp + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        Path html = dir.resolve(stamp + ".html");
        Files.writeString(html, html(stamp, results));
        Bench.log("results: %s and %s", json, html);
    }

    @SuppressWarnings("unchecked")
    static String html(String stamp, Map<String, Object> results) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) results.get("steps");
        int w = 760, h = 420, left = 70, right = 200, top = 20, bottom = 50;
        double maxRate = steps.stream().mapToDouble(s -> (double) s.get("offeredReportsPerSec")).max().orElse(1);
        double minMs = 1, maxMs = 10;
        for (Map<String, Object> s : steps) {
            for (String[] series : SERIES) {
                Object v = ((Map<String, Object>) s.get(series[0])).get(series[1]);
                if (v != null) {
                    maxMs = Math.max(maxMs, (double) v);
                }
            }
        }
        double logMin = Math.log10(minMs), logMax = Math.ceil(Math.log10(maxMs));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format("<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='12'>", w, h));
        int pw = w - left - right, ph = h - top - bottom;
        svg.append(String.format("<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>", left, top, pw, ph));
        for (int e = (int) logMin; e <= logMax; e++) {
            double y = top + ph - (e - logMin) / (logMax - logMin) * ph;
            svg.append(String.format("<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#eee'/>", left, left + pw, y, y));
            svg.append(String.format("<text x='%d' y='%.1f' text-anchor='end'>%s ms</text>", left - 6, y + 4, fmt(Math.pow(10, e))));
        }
        for (Map<String, Object> s : steps) {
            double rate = (double) s.get("offeredReportsPerSec");
            double x = left + rate / maxRate * pw;
            svg.append(String.format("<line x1='%.1f' x2='%.1f' y1='%d' y2='%d' stroke='#eee'/>", x, x, top, top + ph));
            svg.append(String.format("<text x='%.1f' y='%d' text-anchor='middle'>%s</text>", x, top + ph + 16, fmt(rate)));
        }
        svg.append(String.format("<text x='%d' y='%d' text-anchor='middle'>offered arrival rate (reports/s, open loop)</text>",
                left + pw / 2, h - 10));
        int legend = 0;
        for (String[] series : SERIES) {
            StringBuilder points = new StringBuilder();
            for (Map<String, Object> s : steps) {
                Object v = ((Map<String, Object>) s.get(series[0])).get(series[1]);
                if (v == null) {
                    continue;
                }
                double x = left + (double) s.get("offeredReportsPerSec") / maxRate * pw;
                double ms = Math.max(minMs, (double) v);
                double y = top + ph - (Math.log10(ms) - logMin) / (logMax - logMin) * ph;
                points.append(String.format("%.1f,%.1f ", x, y));
                svg.append(String.format("<circle cx='%.1f' cy='%.1f' r='3' fill='%s'/>", x, y, series[3]));
            }
            svg.append(String.format("<polyline fill='none' stroke='%s' stroke-width='2' stroke-dasharray='%s' points='%s'/>",
                    series[3], series[4], points));
            int ly = top + 10 + legend++ * 18;
            svg.append(String.format("<line x1='%d' x2='%d' y1='%d' y2='%d' stroke='%s' stroke-width='2' stroke-dasharray='%s'/>",
                    left + pw + 10, left + pw + 40, ly, ly, series[3], series[4]));
            svg.append(String.format("<text x='%d' y='%d'>%s</text>", left + pw + 46, ly + 4, series[2]));
        }
        svg.append("</svg>");

        StringBuilder table = new StringBuilder("<table><tr><th>offered/s</th><th>sustained reports/s</th><th>handoffs/s</th>"
                + "<th>all received p50 / p99 / p99.9 ms</th><th>first feedback p50 / p99 / p99.9 ms</th><th>errors</th>"
                + "<th>lost</th><th>msgs/report</th><th>commits/report</th><th>services RSS MiB</th><th>broke</th></tr>");
        for (Map<String, Object> s : steps) {
            Map<String, Object> a = (Map<String, Object>) s.get("allReferralsReceivedMs");
            Map<String, Object> f = (Map<String, Object>) s.get("firstFeedbackAtOriginMs");
            Map<String, Map<String, Double>> procs = (Map<String, Map<String, Double>>) s.get("processes");
            double rss = Targets.SERVICES.stream().filter(procs::containsKey).mapToDouble(p -> procs.get(p).get("rssMiBMax")).sum();
            table.append(String.format("<tr><td>%s</td><td>%.1f</td><td>%.1f</td><td>%s / %s / %s</td><td>%s / %s / %s</td>"
                            + "<td>%.2f%%</td><td>%s</td><td>%.1f</td><td>%.1f</td><td>%.0f</td><td>%s</td></tr>",
                    fmt((double) s.get("offeredReportsPerSec")), s.get("sustainedReportsPerSec"), s.get("sustainedHandoffsPerSec"),
                    a.get("p50"), a.get("p99"), a.get("p999"), f.get("p50"), f.get("p99"), f.get("p999"),
                    100 * (double) s.get("errorRate"), s.get("lost"), s.get("kafkaMessagesPerReport"),
                    s.get("pgCommitsPerReport"), rss, s.get("broke") == null ? "" : esc(String.valueOf(s.get("broke")))));
        }
        table.append("</table>");
        Map<String, Object> raw = (Map<String, Object>) results.get("raw");
        return "<!doctype html><html><head><meta charset='utf-8'><title>Handoff benchmark " + stamp + "</title>"
                + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                + "padding:3px 6px;font-size:13px}pre{background:#f6f6f6;padding:1em;white-space:pre-wrap}</style></head><body>"
                + "<h1>Handoff end-to-end benchmark " + stamp + "</h1>"
                + "<p>Latency percentiles (log scale) against the offered open-loop arrival rate.</p>" + svg + table
                + postgresHtml(results)
                + "<h2>Raw limits (same run)</h2><pre>" + esc(String.valueOf(raw)) + "</pre>"
                + "<h2>Accounting</h2><pre>" + esc(String.valueOf(results.get("accounting"))) + "</pre>"
                + (results.get("chaos") == null ? "" : "<h2>Chaos</h2><pre>"
                        + esc(String.join("\n", Summary.chaosLines((Map<String, Object>) results.get("chaos")))) + "</pre>")
                + "<h2>Targets</h2><pre>" + esc(String.valueOf(results.get("targets"))) + "</pre>"
                + "<h2>Method</h2><p>" + esc(Summary.METHOD) + "</p></body></html>\n";
    }

    /** Commits per report by database for each step and the whole run; the whole run's busiest statements; table sizes. */
    @SuppressWarnings("unchecked")
    static String postgresHtml(Map<String, Object> results) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) results.get("steps");
        Map<String, Object> whole = (Map<String, Object>) results.get("postgresByDatabase");
        StringBuilder b = new StringBuilder("<h2>PostgreSQL by database</h2><p>Commits per report sent, from the start of"
                + " sending until drained, the bench's own reads left out.</p><table><tr><th>offered/s</th>");
        for (String db : Databases.SERVICES) {
            b.append("<th>").append(db).append("</th>");
        }
        b.append("<th>total</th></tr>");
        List<Object[]> rows = new ArrayList<>();
        for (Map<String, Object> s : steps) {
            rows.add(new Object[] {fmt((double) s.get("offeredReportsPerSec")), s.get("postgresByDatabase")});
        }
        if (whole != null) {
            rows.add(new Object[] {"whole run", whole});
        }
        for (Object[] row : rows) {
            Map<String, Object> pg = (Map<String, Object>) row[1];
            if (pg == null) {
                continue;
            }
            Map<String, Object> per = (Map<String, Object>) pg.get("commitsPerReport");
            b.append("<tr><td>").append(row[0]).append(Boolean.TRUE.equals(pg.get("postgresRestarted")) ? " (restart)" : "")
                    .append("</td>");
            for (String db : Databases.SERVICES) {
                b.append("<td>").append(num(per.get(db))).append("</td>");
            }
            b.append("<td>").append(num(per.get("total"))).append("</td></tr>");
        }
        b.append("</table>");
        if (whole != null && whole.get("statements") != null) {
            b.append("<h3>Busiest statements, whole run (top ").append(HTML_TOP)
                    .append("; top 10 and each step's in the JSON)</h3>");
            ((Map<String, Object>) whole.get("statements")).forEach((db, v) -> {
                Map<String, Object> m = (Map<String, Object>) v;
                b.append("<h4>handoff_").append(db).append("</h4>");
                if (m.containsKey("unavailable")) {
                    b.append("<p>n/a: ").append(esc(String.valueOf(m.get("unavailable")))).append("</p>");
                    return;
                }
                b.append("<table><tr><th>by</th><th>query</th><th>calls</th><th>total ms</th><th>mean ms</th><th>rows</th></tr>");
                for (String[] by : new String[][] {{"byTotalTime", "total time"}, {"byCalls", "calls"}}) {
                    ((List<Map<String, Object>>) m.get(by[0])).stream().limit(HTML_TOP).forEach(st -> b.append(String.format(
                            "<tr><td>%s</td><td><code>%s</code></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>", by[1],
                            esc(String.valueOf(st.get("query"))), st.get("calls"), st.get("totalMs"), st.get("meanMs"),
                            st.get("rows"))));
                }
                b.append("</table>");
            });
        }
        Map<String, Object> sizes = (Map<String, Object>) results.get("tableSizes");
        if (sizes != null && sizes.get("before") != null && sizes.get("after") != null) {
            Map<String, Object> before = (Map<String, Object>) sizes.get("before");
            b.append("<h3>Table sizes (rows, pg_total_relation_size)</h3><table><tr><th>database</th><th>table</th>"
                    + "<th>rows before</th><th>rows after</th><th>MiB before</th><th>MiB after</th></tr>");
            ((Map<String, Object>) sizes.get("after")).forEach((db, tables) ->
                    ((Map<String, Object>) tables).forEach((table, f) -> {
                        Map<String, Object> a = (Map<String, Object>) f;
                        Map<String, Object> was = (Map<String, Object>) ((Map<String, Object>) before.get(db)).get(table);
                        b.append(String.format("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                                db, table, was == null ? "-" : was.get("rows"), a == null ? "-" : a.get("rows"),
                                was == null ? "-" : String.format("%.1f", Summary.mib(was.get("bytes"))),
                                a == null ? "-" : String.format("%.1f", Summary.mib(a.get("bytes")))));
                    }));
            b.append("</table>");
        }
        return b.toString();
    }

    private static String num(Object v) {
        return v == null ? "n/a" : String.format("%.1f", ((Number) v).doubleValue());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
