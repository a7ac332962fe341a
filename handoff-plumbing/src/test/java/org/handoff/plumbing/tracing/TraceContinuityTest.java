package org.handoff.plumbing.tracing;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.plumbing.testing.OnVertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.handoff.plumbing.testing.KafkaTestSupport.header;
import static org.handoff.plumbing.testing.KafkaTestSupport.readUntil;
import static org.handoff.plumbing.testing.KafkaTestSupport.topic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A request, the event it causes and the consumer applying that event share one trace id. */
@QuarkusTest
class TraceContinuityTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theRequestTheRecordAndTheConsumersApplyShareOneTrace() {
        String caseId = "traced-" + UUID.randomUUID();
        String eventId = given().post("/test/traced/" + caseId).then().statusCode(200).extract().asString();

        SpanData request = await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().contains("/test/traced/"))
                .filter(span -> caseId.equals(pathCase(span))).findFirst().orElse(null), span -> span != null);
        String traceId = request.getTraceId();

        ConsumerRecord<String, String> record = readUntil(topic("test.increments"), r -> eventId.equals(header(r, "ce_id")))
                .stream().filter(r -> eventId.equals(header(r, "ce_id"))).findFirst().orElseThrow();
        String traceparent = header(record, TraceContext.HEADER);
        assertNotNull(traceparent, "the relay sent the row's trace context");
        assertEquals(traceId, TraceContext.traceId(traceparent), "the record carries the request's trace, not the relay's");

        SpanData applied = await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.CONSUMER && span.getName().startsWith("test-increments apply"))
                .filter(span -> eventId.equals(span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(
                        "messaging.message.id")))).findFirst().orElse(null), span -> span != null);
        assertEquals(traceId, applied.getTraceId(), "the consumer continued the producer's trace");
        assertEquals(traceparent.substring(36, 52), applied.getParentSpanId(), "its parent is the span that appended the row");
        List<String> ledger = OnVertx.await(() -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT trace_id FROM processed_event WHERE event_id = :id", String.class)
                .setParameter("id", eventId).getResultList())));
        assertEquals(List.of(traceId), ledger, "the ledger keeps the trace the event was applied under");
    }

    private static String pathCase(SpanData span) {
        String path = span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("url.path"));
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }
}
