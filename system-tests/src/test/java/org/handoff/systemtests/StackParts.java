package org.handoff.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The parts of the local stack as deploy/local's scripts run them: the process each pid file in
 * deploy/local/var/run names, SIGKILL for it, and the project's own scripts to start it again
 * ({@code services.sh start <name>}, {@code kafka.sh start}), which return once the part is ready.
 */
final class StackParts {

    /** deploy/local, from the surefire configuration (system-tests/pom.xml). */
    static final Path LOCAL = Path.of(System.getenv("HANDOFF_LOCAL_DIR")).toAbsolutePath().normalize();
    static final Path ROOT = LOCAL.getParent().getParent();
    private static final Path RUN = LOCAL.resolve("var").resolve("run");
    /** What the scripts print, for the failure message and for later reading. */
    static final Path LOG = Path.of("target", "chaos-test.log").toAbsolutePath();
    /** Longer than any script's own readiness wait (services.sh 180 s, kafka.sh 90 s plus topics and ACLs). */
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(300);

    private StackParts() {
    }

    /**
     * The live process recorded in var/run/&lt;part&gt;.pid, if it is one of this project's (its command line names
     * a path in the project, as lib.sh's running_pid checks).
     */
    static Optional<Long> runningPid(String part) {
        try {
            long pid = Long.parseLong(Files.readString(RUN.resolve(part + ".pid")).trim());
            return alive(pid) && commandLine(pid).contains(ROOT + "/") ? Optional.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Kills the part with SIGKILL (kill -9: no shutdown of any kind) and returns its pid once it is gone. */
    static long kill9(String part) {
        long pid = runningPid(part).orElseThrow(() ->
                new AssertionError(part + " is not running: start the stack with deploy/local/start.sh"));
        // destroyForcibly() is SIGKILL on Linux, for any process we may signal
        if (!ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false)) {
            throw new AssertionError("SIGKILL to " + part + " (pid " + pid + ") was refused");
        }
        await("pid " + pid + " of " + part + " gone").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100)).until(() -> !alive(pid));
        return pid;
    }

    static void startService(String service) {
        run("services.sh", "start", service);
    }

    static void startKafka() {
        run("kafka.sh", "start");
    }

    /** Runs a deploy/local script to its end; fails with the end of its output unless it exits 0. */
    static void run(String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(LOCAL.resolve(script).toString());
        command.addAll(List.of(args));
        try {
            Files.createDirectories(LOG.getParent());
            long before = Files.exists(LOG) ? Files.size(LOG) : 0;
            // output to a file, not a pipe: the part the script starts in the background must not hold our pipe open
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + SCRIPT_TIMEOUT.toSeconds()
                        + " s; its output so far:\n" + tail(before));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + tail(before));
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    private static String tail(long from) throws IOException {
        byte[] all = Files.readAllBytes(LOG);
        int start = (int) Math.max(from, all.length - 4000L);
        return new String(all, start, all.length - start, StandardCharsets.UTF_8);
    }

    /** Alive unless gone or a zombie (a killed process stays a zombie until its parent reaps it). */
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
}
