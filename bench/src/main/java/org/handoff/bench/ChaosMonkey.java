package org.handoff.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kills the parts of the local stack one after the other while a step sends (bench.sh --chaos), each with
 * SIGKILL (kill -9: no shutdown hook, no flush, no goodbye to the broker or the database), and restarts it
 * after a pause with the project's own scripts, which wait until the part is ready again:
 * {@code services.sh start <name>-service}, {@code kafka.sh start}, {@code postgres.sh ensure}. The kills are
 * spaced evenly over the step (kill i of n at i/(n+1) of it); a kill never comes before the previous part is
 * up again, so there is one fault at a time. Which process is killed comes from the scripts' pid files
 * (var/run/&lt;name&gt;.pid, checked to be a process of this project, as lib.sh's running_pid does) and, for
 * PostgreSQL, from the first line of the data directory's postmaster.pid (the postmaster only; its backends
 * end by themselves when it is gone). Script output goes to var/log/bench-chaos.log.
 */
final class ChaosMonkey {

    /** Attempts at restarting one part; a failed start (say, the old shared memory still attached) is tried again. */
    private static final int START_ATTEMPTS = 3;
    private static final Duration BETWEEN_ATTEMPTS = Duration.ofSeconds(5);
    /** Longer than any script's own readiness wait (services.sh: 180 s, kafka.sh: 90 s plus topics and ACLs). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration DEATH_TIMEOUT = Duration.ofSeconds(15);

    /** One part's fault. Times are {@link Clock} microseconds, the clock of the reports' due times; 0 = did not happen. */
    static final class Kill {
        final String part;
        long plannedMicros;
        long pid;
        long killedMicros;
        long restartStartedMicros;
        long upMicros;
        int attempts;
        String error;
        /** Left out on purpose (no local PostgreSQL to kill), which is not a failure. */
        boolean skipped;

        Kill(String part) {
            this.part = part;
        }

        boolean killed() {
            return killedMicros != 0;
        }

        boolean upAgain() {
            return upMicros != 0;
        }

        Map<String, Object> toMap(long stepStartMicros) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("part", part);
            m.put("plannedAtStepSec", (plannedMicros - stepStartMicros) / 1e6);
            if (killed()) {
                m.put("pid", pid);
                m.put("killedAt", instant(killedMicros).toString());
                m.put("killedAtStepSec", (killedMicros - stepStartMicros) / 1e6);
            }
            if (upAgain()) {
                m.put("upAgainAt", instant(upMicros).toString());
                m.put("upAgainAtStepSec", (upMicros - stepStartMicros) / 1e6);
                m.put("downSec", (upMicros - killedMicros) / 1e6);
                m.put("restartScriptSec", (upMicros - restartStartedMicros) / 1e6);
            }
            m.put("restartAttempts", attempts);
            if (error != null) {
                m.put(skipped ? "skipped" : "error", error);
            }
            return m;
        }
    }

    private final Path localDir;
    private final Path runDir;
    private final Path postmasterPidFile;
    private final Path log;
    /** Every process the scripts start names a path in this project on its command line. */
    private final String rootPrefix;
    private final List<String> parts;
    private final Duration pause;
    private final List<Kill> kills = new ArrayList<>();
    private Thread thread;
    private volatile long startMicros;
    private volatile boolean failed;

    ChaosMonkey(Path localDir, Path runDir, Path postmasterPidFile, List<String> parts, Duration pause) {
        this.localDir = localDir.toAbsolutePath().normalize();
        this.runDir = runDir.toAbsolutePath().normalize();
        this.postmasterPidFile = postmasterPidFile;
        this.log = this.runDir.getParent().resolve("log").resolve("bench-chaos.log");
        this.rootPrefix = this.localDir.getParent().getParent().toString() + "/";
        this.parts = parts;
        this.pause = pause;
    }

    /** Starts killing, spread over {@code step} from now. */
    synchronized void start(Duration step) {
        startMicros = Clock.nowMicros();
        thread = new Thread(() -> {
            try {
                runAll(step);
            } catch (InterruptedException e) {
                failed = true;
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failed = true;
                Bench.log("chaos: the monkey failed: %s", e);
            }
        }, "chaos-monkey");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the last restart (bounded by the scripts' timeouts) and returns what happened to each part. */
    List<Kill> awaitDone() throws InterruptedException {
        thread.join();
        synchronized (kills) {
            return List.copyOf(kills);
        }
    }

    long startMicros() {
        return startMicros;
    }

    /** Whether a part could not be killed as planned or was not up again after its restart attempts. */
    boolean failed() {
        return failed;
    }

    private void runAll(Duration step) throws InterruptedException {
        int n = parts.size();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Kill kill = new Kill(parts.get(i));
            synchronized (kills) {
                kills.add(kill);
            }
            long offsetNanos = step.toNanos() * (i + 1) / (n + 1);
            kill.plannedMicros = startMicros + offsetNanos / 1000;
            long wait = t0 + offsetNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (failed) {
                kill.error = "not killed: an earlier part was not up again";
                continue;
            }
            if (!kill(kill)) {
                failed |= !kill.skipped;
                continue;
            }
            TimeUnit.NANOSECONDS.sleep(pause.toNanos());
            if (!restart(kill)) {
                failed = true;
            }
        }
    }

    private boolean kill(Kill kill) throws InterruptedException {
        Long pid = pidOf(kill.part);
        if (pid == null) {
            kill.skipped = kill.part.equals("postgresql") && postmasterPidFile == null;
            kill.error = kill.skipped ? "skipped: no local PostgreSQL data directory given (PGHOST set: not ours to kill)"
                    : "not killed: not running (no live process of this project in its pid file)";
            Bench.log("chaos: %s %s", kill.part, kill.error);
            note(kill.part + ": " + kill.error);
            return false;
        }
        ProcessHandle process = ProcessHandle.of(pid).orElse(null);
        kill.pid = pid;
        kill.killedMicros = Clock.nowMicros();
        // destroyForcibly() is SIGKILL on Linux, for any process we may signal (not only our children)
        if (process == null || !process.destroyForcibly()) {
            kill.killedMicros = 0;
            kill.error = "not killed: SIGKILL to pid " + pid + " was refused";
            Bench.log("chaos: %s %s", kill.part, kill.error);
            return false;
        }
        Bench.log("chaos: kill -9 %s (pid %d)", kill.part, pid);
        note("kill -9 " + kill.part + " (pid " + pid + ")");
        long deadline = System.nanoTime() + DEATH_TIMEOUT.toNanos();
        while (alive(pid)) {
            if (System.nanoTime() > deadline) {
                kill.error = "pid " + pid + " still alive " + DEATH_TIMEOUT.toSeconds() + " s after SIGKILL";
                Bench.log("chaos: %s %s", kill.part, kill.error);
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return true;
    }

    private boolean restart(Kill kill) throws InterruptedException {
        List<String> command = startCommand(kill.part);
        kill.restartStartedMicros = Clock.nowMicros();
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            kill.attempts = attempt;
            Bench.log("chaos: restarting %s: %s (attempt %d)", kill.part, String.join(" ", command), attempt);
            note("restart " + kill.part + ", attempt " + attempt + ": " + String.join(" ", command));
            String failure = runScript(command);
            if (failure == null) {
                kill.upMicros = Clock.nowMicros();
                kill.error = null;
                Bench.log("chaos: %s up again after %.1f s down", kill.part, (kill.upMicros - kill.killedMicros) / 1e6);
                return true;
            }
            kill.error = failure;
            Bench.log("chaos: starting %s failed (%s); see %s", kill.part, failure, log);
            if (attempt < START_ATTEMPTS) {
                TimeUnit.NANOSECONDS.sleep(BETWEEN_ATTEMPTS.toNanos());
            }
        }
        kill.error = "not up again after " + START_ATTEMPTS + " attempts: " + kill.error;
        return false;
    }

    /** The project's own way to start one part again. */
    private List<String> startCommand(String part) {
        return switch (part) {
            case "kafka" -> List.of(localDir.resolve("kafka.sh").toString(), "start");
            // ensure starts the cluster if it is down and checks roles and databases; it never restarts a running one
            // for pg_stat_statements while services are connected
            case "postgresql" -> List.of(localDir.resolve("postgres.sh").toString(), "ensure");
            default -> List.of(localDir.resolve("services.sh").toString(), "start", part);
        };
    }

    /** Runs a script to its end (output appended to the chaos log); null when it succeeded, else why not. */
    private String runScript(List<String> command) throws InterruptedException {
        Process p;
        try {
            // the output goes to a file, not a pipe: a part started in the background must not hold our pipe open
            p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            return "cannot run " + command.get(0) + ": " + e.getMessage();
        }
        if (!p.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "no answer within " + START_TIMEOUT.toSeconds() + " s";
        }
        return p.exitValue() == 0 ? null : "exit status " + p.exitValue();
    }

    /** The live process behind a part, or null: its pid file names a running process of this project. */
    private Long pidOf(String part) {
        if (part.equals("postgresql")) {
            if (postmasterPidFile == null) {
                return null;
            }
            Long pid = ProcSampler.firstNumber(postmasterPidFile);
            return pid != null && alive(pid) && commandLine(pid).contains("postgres") ? pid : null;
        }
        Long pid = ProcSampler.firstNumber(runDir.resolve(part + ".pid"));
        return pid != null && alive(pid) && commandLine(pid).contains(rootPrefix) ? pid : null;
    }

    /** Alive unless gone or a zombie (a killed process waits as a zombie until its parent reaps it). */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private void note(String line) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "[bench-chaos " + Instant.now() + "] " + line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is a convenience; the results file has the same facts
        }
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
    }
}
