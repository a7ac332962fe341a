package org.handoff.console.web;

import org.handoff.console.api.CaseFlowApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The five services' answers joined by event id: each event once, its producer, and every consumer in order. */
class EventFlowTest {

    static final Instant T = Instant.parse("2026-12-02T07:55:14Z");

    @Test
    void joinsProducerAndConsumersOfEachEventInTimeOrder() {
        var reported = new CaseFlowApi.Produced("e-1", "case-reported", "handoff.case-reported", T, T.plusMillis(15), Duration.ofMillis(15));
        var requested = new CaseFlowApi.Produced("e-2", "referral.requested", "handoff.health.inbox", T.plusMillis(300), T.plusMillis(310), Duration.ofMillis(10));
        var found = EventFlow.join(List.of(
                // a consumer's answer may come before its producer's
                answer("health", List.of(), List.of(new CaseFlowApi.Consumed("sector-inbox", "e-2", "referral.requested",
                        "handoff.health.inbox", T.plusMillis(300), T.plusMillis(500), Duration.ofMillis(200)))),
                answer("referral", List.of(requested), List.of(new CaseFlowApi.Consumed("case-reported", "e-1", "case-reported",
                        "handoff.case-reported", T, T.plusMillis(250), Duration.ofMillis(250)))),
                answer("police", List.of(reported), List.of()),
                new EventFlow.Answer("social", null, "HTTP 503")));

        assertEquals(List.of("e-1", "e-2"), found.events().stream().map(EventFlow.Event::eventId).toList());
        var first = found.events().get(0);
        assertEquals("police", first.producer());
        assertEquals(15L, first.publishMillis());
        assertEquals(List.of(new EventFlow.Hop("referral", "case-reported", T.plusMillis(250), 250L)), first.hops());
        var second = found.events().get(1);
        assertEquals("referral", second.producer());
        assertEquals(List.of("health"), second.hops().stream().map(EventFlow.Hop::service).toList());
        assertEquals(List.of(new DeadLetterListing.ServiceTotal("social", 0, "HTTP 503")), found.errors());
    }

    @Test
    void anEventOnlyAConsumerReportedHasNoProducer() {
        var found = EventFlow.join(List.of(answer("notification", null, List.of(new CaseFlowApi.Consumed("lifecycle", "e-9",
                "lifecycle-changed", "handoff.police.lifecycle", T, T.plusMillis(40), Duration.ofMillis(40))))));
        assertNull(found.events().get(0).producer());
        assertEquals(T, found.events().get(0).occurredAt());
    }

    static EventFlow.Answer answer(String service, List<CaseFlowApi.Produced> produced, List<CaseFlowApi.Consumed> consumed) {
        return new EventFlow.Answer(service, new CaseFlowApi.View(service + "-service", "c", produced, consumed), null);
    }
}
