package org.handoff.console.web;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.handoff.console.api.MonitoringApi;
import org.handoff.console.api.OutboxApi;
import org.handoff.console.api.Services;

import java.util.List;

/**
 * Asks referral-service for the broker's view and the referral overview, and every service for its outbox
 * and dead letters, side by side; whatever does not answer is marked as such and the rest still shows.
 */
@ApplicationScoped
public class FlowDashboard {

    private static final DeadLetterListing.Filter EVERY_DEAD_LETTER = new DeadLetterListing.Filter(null, null, null, null,
            null, null);

    private final Services services;
    private final MonitoringApi monitoring;
    private final DeadLetterSearch deadLetters;

    public FlowDashboard(Services services, @RestClient MonitoringApi monitoring, DeadLetterSearch deadLetters) {
        this.services = services;
        this.monitoring = monitoring;
        this.deadLetters = deadLetters;
    }

    private record Outbox(String service, OutboxApi.Backlog backlog, String error) {
    }

    public Uni<FlowBoard> now() {
        Uni<CaseFlow.Part<MonitoringApi.Flows>> flows = monitoring.flows().map(CaseFlow.Part::of)
                .onFailure().recoverWithItem(CaseFlow.Part::failed);
        Uni<CaseFlow.Part<MonitoringApi.Overview>> overview = monitoring.overview().map(CaseFlow.Part::of)
                .onFailure().recoverWithItem(CaseFlow.Part::failed);
        Uni<List<Outbox>> outboxes = Uni.join().all(Services.NAMES.stream().map(name -> services.outbox(name).backlog()
                        .map(backlog -> new Outbox(name, backlog, null))
                        .onFailure().recoverWithItem(failure -> new Outbox(name, null, Failures.describe(failure))))
                .toList()).andFailFast();
        // the counts only: a one-record page of each service's dead letters carries its total
        Uni<DeadLetterSearch.Found> letters = deadLetters.find(Services.NAMES, EVERY_DEAD_LETTER, 1);
        return Uni.combine().all().unis(flows, overview, outboxes, letters).asTuple().map(parts -> {
            List<MonitoringApi.GroupLag> consumers = parts.getItem1().items() == null ? List.of()
                    : parts.getItem1().items().consumers() == null ? List.of() : parts.getItem1().items().consumers();
            List<FlowBoard.ServiceRow> rows = parts.getItem3().stream().map(outbox -> {
                // every service consumes as the group named after it (quarkus.application.name)
                String group = outbox.service() + "-service";
                return new FlowBoard.ServiceRow(outbox.service(), group,
                        consumers.stream().filter(lag -> group.equals(lag.group())).toList(), outbox.backlog(), outbox.error(),
                        parts.getItem4().totals().stream().filter(total -> total.service().equals(outbox.service()))
                                .findFirst().orElse(null));
            }).toList();
            return new FlowBoard(parts.getItem1(), parts.getItem2(), rows);
        });
    }
}
