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
 * <p>
 * The pid files and the postmaster's {@code postmaster.pid} are read again at every reading, so a part
 * restarted during a window (bench.sh --chaos) is followed to its new process. CPU is the sum over the
 * window's readings of each group's growth in ticks since the previous reading; a group whose root
 * process changed counts the new process's ticks in full (it started after the previous reading) and one
 * restart. The last second of a killed process is not seen.
 */
final class ProcSampler {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    /** A reading of one named group of processes, led by {@code root}. */
    record Reading(long root, long rssBytes, long cpuTicks) {
    }

    private final Path runDir;
    private final Path postmasterPidFile;
    private final Map<String, Long> rssMax = new HashMap<>();
    private final Map<String, Double> rssSum = new HashMap<>();
    private final Map<String, Long> cpuTicks = new HashMap<>();
    private final Map<String, Integer> restarts = new HashMap<>();
    private int samples;
    private Map<String, Reading> previous;
    private long firstNanos;

    ProcSampler(Path runDir, Path postmasterPidFile) {
        this.runDir = runDir;
        this.postmasterPidFile = postmasterPidFile;
    }

    /** Starts a window: CPU is counted from here; memory is averaged over the samples taken in it. */
    synchronized void begin() {
        rssMax.clear();
        rssSum.clear();
        cpuTicks.clear();
        restarts.clear();
        samples = 0;
        firstNanos = System.nanoTime();
        previous = read();
    }

    synchronized void sample() {
        Map<String, Reading> now = advance();
        samples++;
        now.forEach((name, reading) -> {
            rssMax.merge(name, reading.rssBytes(), Math::max);
            rssSum.merge(name, (double) reading.rssBytes(), Double::sum);
        });
    }

    /**
     * Per group: mean and peak resident MiB over the window, CPU in cores (1.0 = one core busy), and
     * {@code restarts} when its process was replaced during the window.
     */
    synchronized Map<String, Map<String, Double>> end() {
        Map<String, Reading> last = advance();
        double seconds = (System.nanoTime() - firstNanos) / 1e9;
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (String name : cpuTicks.keySet().stream().sorted().toList()) {
            Reading b = last.get(name);
            long rssLast = b == null ? 0 : b.rssBytes();
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("rssMiBMean", samples == 0 ? rssLast / 1048576.0 : rssSum.getOrDefault(name, 0.0) / samples / 1048576.0);
            figures.put("rssMiBMax", Math.max(rssMax.getOrDefault(name, 0L), rssLast) / 1048576.0);
            figures.put("cpuCores", cpuTicks.get(name) / TICKS_PER_SECOND / seconds);
            if (restarts.containsKey(name)) {
                figures.put("restarts", (double) restarts.get(name));
            }
            out.put(name, figures);
        }
        return out;
    }

    /** Reads now and adds each group's CPU since the previous reading. */
    private Map<String, Reading> advance() {
        Map<String, Reading> now = read();
        now.forEach((name, reading) -> {
            Reading before = previous.get(name);
            long ticks;
            if (before == null) {
                // first seen since the window began (its pid file appeared): it started within the window
                ticks = reading.cpuTicks();
            } else if (before.root() != reading.root()) {
                ticks = reading.cpuTicks();
                restarts.merge(name, 1, Integer::sum);
            } else {
                // backends that ended since take their ticks with them: never count a drop
                ticks = Math.max(0, reading.cpuTicks() - before.cpuTicks());
            }
            cpuTicks.merge(name, ticks, Long::sum);
        });
        previous.forEach((name, reading) -> cpuTicks.putIfAbsent(name, 0L));
        // a group down at this reading keeps its previous reading, so its restart is seen when it is back
        Map<String, Reading> next = new LinkedHashMap<>(previous);
        next.putAll(now);
        previous = next;
        return now;
    }

    /** The groups to read: the pid files as they are now, the postmaster, this JVM. */
    private Map<String, Long> roots() {
        Map<String, Long> roots = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(runDir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().forEach(f -> {
                Long pid = firstNumber(f);
                if (pid != null) {
                    roots.put(f.getFileName().toString().replace(".pid", ""), pid);
                }
            });
        } catch (IOException ignored) {
            // no run directory: only the postmaster and the bench
        }
        if (postmasterPidFile != null) {
            Long pid = firstNumber(postmasterPidFile);
            if (pid != null) {
                roots.put("postgresql", pid);
            }
        }
        roots.put("bench", ProcessHandle.current().pid());
        return roots;
    }

    /** The number on a pid file's first line, or null (missing, being rewritten); ChaosMonkey reads them too. */
    static Long firstNumber(Path file) {
        try {
            String text = Files.readString(file).trim();
            int nl = text.indexOf('\n');
            return Long.parseLong((nl < 0 ? text : text.substring(0, nl)).trim());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Map<String, Reading> read() {
        Map<Long, List<Long>> children = children();
        Map<String, Reading> readings = new LinkedHashMap<>();
        roots().forEach((name, root) -> {
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
            readings.put(name, new Reading(root, rss, ticks));
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
