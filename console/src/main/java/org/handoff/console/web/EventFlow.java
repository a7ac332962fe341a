package org.handoff.console.web;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.console.api.CaseFlowApi;
import org.handoff.console.api.Services;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case's events across the five services, hop by hop: each service tells what it produced and what
 * its consumers applied (handoff-plumbing's per-case flow); joined by event id, every event gets its
 * producer, commit and broker-ack times and every consumer that applied it with the latency.
 */
@ApplicationScoped
public class EventFlow {

    private final Services services;

    public EventFlow(Services services) {
        this.services = services;
    }

    /** One consumer applying one event: {@code latency} from the producer's time to the apply. */
    public record Hop(String service, String consumer, Instant appliedAt, Long latencyMillis) {
    }

    /** One event of the case; the producer is unknown when only a consumer reported it. */
    public record Event(String eventId, String type, String topic, String producer, Instant occurredAt, Instant publishedAt,
                        Long publishMillis, List<Hop> hops) {
    }

    public record Found(List<Event> events, List<DeadLetterListing.ServiceTotal> errors) {
    }

    record Answer(String service, CaseFlowApi.View view, String error) {
    }

    public Uni<Found> of(String caseId) {
        List<Uni<Answer>> asks = Services.NAMES.stream().map(name -> services.flows(name).flow(caseId)
                .map(view -> new Answer(name, view, null))
                .onFailure().recoverWithItem(failure -> new Answer(name, null, Failures.describe(failure)))).toList();
        return Uni.join().all(asks).andFailFast().map(EventFlow::join);
    }

    static Found join(List<Answer> answers) {
        Map<String, Event> events = new LinkedHashMap<>();
        List<DeadLetterListing.ServiceTotal> errors = new ArrayList<>();
        for (Answer answer : answers) {
            if (answer.view() == null) {
                errors.add(new DeadLetterListing.ServiceTotal(answer.service(), 0, answer.error()));
                continue;
            }
            for (CaseFlowApi.Produced p : list(answer.view().produced())) {
                Event known = events.get(p.eventId());
                events.put(p.eventId(), new Event(p.eventId(), p.type(), p.topic(), answer.service(), p.occurredAt(),
                        p.publishedAt(), millis(p.publishLatency()), known == null ? new ArrayList<>() : known.hops()));
            }
            for (CaseFlowApi.Consumed c : list(answer.view().consumed())) {
                Event event = events.computeIfAbsent(c.eventId(), id -> new Event(id, c.type(), c.topic(), null,
                        c.producedAt(), null, null, new ArrayList<>()));
                event.hops().add(new Hop(answer.service(), c.consumer(), c.appliedAt(), millis(c.latency())));
            }
        }
        List<Event> ordered = new ArrayList<>(events.values());
        ordered.sort(Comparator.comparing(Event::occurredAt, Comparator.nullsLast(Comparator.naturalOrder())));
        ordered.forEach(e -> e.hops().sort(Comparator.comparing(Hop::appliedAt, Comparator.nullsLast(Comparator.naturalOrder()))));
        return new Found(ordered, errors);
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static Long millis(Duration d) {
        return d == null ? null : d.toMillis();
    }
}
