package org.handoff.console.web;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.console.api.Services;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Asks the chosen services for their dead letters side by side and merges them, newest first. */
@ApplicationScoped
public class DeadLetterSearch {

    static final Comparator<DeadLetterListing.Row> NEWEST_FIRST = Comparator.comparing(
            (DeadLetterListing.Row row) -> row.letter().deadLetteredAt(), Comparator.nullsLast(Comparator.reverseOrder()));

    private final Services services;

    public DeadLetterSearch(Services services) {
        this.services = services;
    }

    public record Found(List<DeadLetterListing.Row> rows, List<DeadLetterListing.ServiceTotal> totals) {
    }

    private record OneService(DeadLetterListing.ServiceTotal total, List<DeadLetterListing.Row> rows) {
    }

    public Uni<Found> find(List<String> names, DeadLetterListing.Filter filter, int size) {
        List<Uni<OneService>> asks = names.stream().map(name -> services.deadLetters(name)
                .list(filter.topic(), filter.type(), filter.caseId(), filter.since(), filter.status(), 0, size)
                .map(page -> new OneService(new DeadLetterListing.ServiceTotal(name, page.total(), null),
                        page.items().stream().map(letter -> new DeadLetterListing.Row(name, letter)).toList()))
                // one service down or refusing leaves the others' dead letters on the page
                .onFailure().recoverWithItem(failure -> new OneService(
                        new DeadLetterListing.ServiceTotal(name, 0, Failures.describe(failure)), List.of())))
                .toList();
        return Uni.join().all(asks).andFailFast().map(answers -> {
            List<DeadLetterListing.Row> rows = new ArrayList<>();
            answers.forEach(answer -> rows.addAll(answer.rows()));
            rows.sort(NEWEST_FIRST);
            return new Found(rows, answers.stream().map(OneService::total).toList());
        });
    }
}
