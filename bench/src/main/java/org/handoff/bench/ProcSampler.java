package org.handoff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Resident memory and CPU of every process of the stack, from /proc: each process recorded in
 * deploy/local/var/run/*.pid with all its descendants (kc.sh's java child counts as keycloak),
 * PostgreSQL's postmaster with all its backends, and this benchmark's own JVM. For PostgreSQL the
 * memory is the sum of PSS (proportional set size), since its backends share the buffer pool;
 * for the JVMs it is RSS.
 */
final class ProcSampler {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    /** A reading of one named group of processes. */
    record Reading(long rssBytes, long cpuTicks) {
    }

    private final Map<String, Long> roots = new LinkedHashMap<>();
    private final Map<String, Long> rssMax = new HashMap<>();
    private final Map<String, Double> rssSum = new HashMap<>();
    private int samples;
    private Map<String, Reading> first;
    private long firstNanos;

    ProcSampler(Path runDir, Long postmasterPid) throws IOException {
        try (Stream<Path> files = Files.list(runDir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().forEach(f -> {
                try {
                    String name = f.getFileName().toString().replace(".pid", "");
                    roots.put(name, Long.parseLong(Files.readString(f).trim()));
                } catch (IOException | NumberFormatException ignored) {
                    // a pid file being rewritten: leave that process out
                }
            });
        }
        if (postmasterPid != null) {
            roots.put("postgresql", postmasterPid);
        }
        roots.put("bench", ProcessHandle.current().pid());
    }

    /** Starts a window: CPU is counted from here; memory is averaged over the samples taken in it. */
    synchronized void begin() {
        rssMax.clear();
        rssSum.clear();
        samples = 0;
        firstNanos = System.nanoTime();
        first = read();
    }

    synchronized void sample() {
        Map<String, Reading> now = read();
        samples++;
        now.forEach((name, reading) -> {
            rssMax.merge(name, reading.rssBytes(), Math::max);
            rssSum.merge(name, (double) reading.rssBytes(), Double::sum);
        });
    }

    /** Per group: mean and peak resident MiB over the window, and CPU in cores (1.0 = one core busy). */
    synchronized Map<String, Map<String, Double>> end() {
        Map<String, Reading> last = read();
        double seconds = (System.nanoTime() - firstNanos) / 1e9;
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (String name : roots.keySet()) {
            Reading a = first.get(name);
            Reading b = last.get(name);
            if (a == null || b == null) {
                continue;
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("rssMiBMean", samples == 0 ? b.rssBytes() / 1048576.0 : rssSum.getOrDefault(name, 0.0) / samples / 1048576.0);
            figures.put("rssMiBMax", Math.max(rssMax.getOrDefault(name, 0L), b.rssBytes()) / 1048576.0);
            figures.put("cpuCores", Math.max(0, b.cpuTicks() - a.cpuTicks()) / TICKS_PER_SECOND / seconds);
            out.put(name, figures);
        }
        return out;
    }

    private Map<String, Reading> read() {
        Map<Long, List<Long>> children = children();
        Map<String, Reading> readings = new LinkedHashMap<>();
        roots.forEach((name, root) -> {
            if (!Files.exists(Path.of("/proc/" + root))) {
                return;
            }
            long rss = 0;
            long ticks = 0;
            boolean pss = name.equals("postgresql");
            for (long pid : tree(root, children)) {
                rss += pss ? pss(pid) : rss(pid);
                ticks += ticks(pid);
            }
            readings.put(name, new Reading(rss, ticks));
        });
        return readings;
    }

    private static List<Long> tree(long root, Map<Long, List<Long>> children) {
        List<Long> all = new ArrayList<>();
        List<Long> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            long pid = todo.remove(todo.size() - 1);
            all.add(pid);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return all;
    }

    private static Map<Long, List<Long>> children() {
        Map<Long, List<Long>> children = new HashMap<>();
        ProcessHandle.allProcesses().forEach(p -> p.parent().ifPresent(parent ->
                children.computeIfAbsent(parent.pid(), k -> new ArrayList<>()).add(p.pid())));
        return children;
    }

    private static long rss(long pid) {
        return statusField(pid, "VmRSS:");
    }

    private static long pss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return rss(pid);
        }
        return 0;
    }

    private static long statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the process ended
        }
        return 0;
    }

    /** utime + stime of /proc/pid/stat (fields 14 and 15, counted after the command in parentheses). */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
