package org.handoff.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: report i is due at start + i/rate and is sent then, whatever the answers to earlier
 * ones; a slow service makes latencies grow instead of slowing the arrivals (no coordinated
 * omission). Bodies are made before the clock starts so the driver spends its CPU on sending.
 */
final class OpenLoopDriver implements AutoCloseable {

    /** Reports waiting for an answer beyond this are not sent but counted as client overload errors. */
    static final int MAX_IN_FLIGHT = 4096;

    private final ExecutorService executor = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "http-client");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Tokens tokens;
    private final ReportFactory factory;
    private final AtomicInteger inFlight = new AtomicInteger();
    private long sequence;

    OpenLoopDriver(Tokens tokens, ReportFactory factory) {
        this.tokens = tokens;
        this.factory = factory;
    }

    /** What one step sent; {@code maxSchedulingLagMicros} shows whether the driver itself kept up. */
    record StepLoad(List<SentReport> reports, long startMicros, long endMicros, long maxSchedulingLagMicros,
                    int maxInFlight) {
    }

    /** Sends one step's reports on schedule; returns when the last is sent (answers may be outstanding). */
    StepLoad run(double rate, Duration duration) throws InterruptedException {
        int count = (int) Math.round(rate * duration.toSeconds());
        List<ReportFactory.Report> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(factory.next(sequence + i));
        }
        List<SentReport> sent = new ArrayList<>(count);
        double periodMicros = 1_000_000.0 / rate;
        long start = Clock.nowMicros() + 200_000;
        long maxLag = 0;
        int maxInFlight = 0;
        for (int i = 0; i < count; i++) {
            ReportFactory.Report body = bodies.get(i);
            long due = start + (long) (i * periodMicros);
            long wait;
            while ((wait = due - Clock.nowMicros()) > 0) {
                LockSupport.parkNanos(wait * 1_000);
            }
            SentReport report = new SentReport(sequence++, body.origin(), body.expected(), due);
            sent.add(report);
            maxLag = Math.max(maxLag, Clock.nowMicros() - due);
            maxInFlight = Math.max(maxInFlight, inFlight.get());
            send(report, body.body());
        }
        long end = start + (long) (count * periodMicros);
        return new StepLoad(sent, start, end, maxLag, maxInFlight);
    }

    private void send(SentReport report, byte[] body) {
        if (inFlight.get() >= MAX_IN_FLIGHT) {
            report.error = "client: more than " + MAX_IN_FLIGHT + " reports waiting for an answer";
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + report.origin.port + "/api/v1/reports"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", tokens.bearer(report.origin))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        inFlight.incrementAndGet();
        report.sentMicros = Clock.nowMicros();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            report.answeredMicros = Clock.nowMicros();
            inFlight.decrementAndGet();
            if (failure != null) {
                report.error = "client: " + failure.getClass().getSimpleName();
                return;
            }
            report.status = response.statusCode();
            if (response.statusCode() == 201) {
                try {
                    JsonNode node = json.readTree(response.body());
                    report.caseId = UUID.fromString(node.get("caseId").asText());
                } catch (Exception e) {
                    report.error = "answer without caseId: " + e.getMessage();
                }
            } else {
                report.error = "HTTP " + response.statusCode();
            }
        });
    }

    /** Waits for the answers still outstanding (requests time out after 30 s). */
    void awaitAnswers(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
