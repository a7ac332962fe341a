package org.handoff.console.web;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import org.handoff.console.api.DeadLetters;
import org.handoff.console.api.Services;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk replays across the services: the chosen records go to the service whose consumers dead-lettered them,
 * a filter to each service that had matches; each service runs its own rate-limited job (handoff-plumbing's
 * ReplayJobs, kept in its memory) and is watched there by the job's id.
 */
@ApplicationScoped
public class BulkReplay {

    private final Services services;

    public BulkReplay(Services services) {
        this.services = services;
    }

    /** One service's job, as a job page names it ({@code police:<id>}), or the refusal it got when starting. */
    public record Ref(String service, UUID id, String error) {

        public static Ref parse(String ref) {
            int colon = ref == null ? -1 : ref.indexOf(':');
            if (colon < 0 || !Services.known(ref.substring(0, colon))) {
                throw new NotFoundException("no replay " + ref);
            }
            try {
                return new Ref(ref.substring(0, colon), UUID.fromString(ref.substring(colon + 1)), null);
            } catch (IllegalArgumentException notUuid) {
                throw new NotFoundException("no replay " + ref);
            }
        }

        @Override
        public String toString() {
            return service + ":" + id;
        }
    }

    /** A job as it stands now, or why the service could not say. */
    public record Job(String service, UUID id, DeadLetters.ReplayJob job, String error) {
    }

    /**
     * The records an administrator ticked, each {@code service:topic:partition:offset} (a Kafka topic name has
     * no colon), replayed by their own service in the order given.
     */
    public Uni<List<Ref>> selected(List<String> records) {
        Map<String, List<DeadLetters.Position>> byService = new LinkedHashMap<>();
        for (String record : records) {
            String[] parts = record.split(":");
            if (parts.length != 4 || !Services.known(parts[0])) {
                throw new BadRequestException("not a dead letter: " + record);
            }
            byService.computeIfAbsent(parts[0], service -> new ArrayList<>())
                    .add(new DeadLetters.Position(parts[1], Integer.valueOf(parts[2]), Long.valueOf(parts[3])));
        }
        return start(byService.entrySet().stream().map(entry ->
                start(entry.getKey(), new DeadLetters.ReplayRequest(entry.getValue(), null))).toList());
    }

    /** Everything matching the filter, at each of the services (those the list found matches at). */
    public Uni<List<Ref>> matching(List<String> names, DeadLetterListing.Filter filter) {
        var request = new DeadLetters.ReplayRequest(null, new DeadLetters.ReplayFilter(filter.topic(), filter.type(),
                filter.caseId(), filter.since(), filter.status()));
        return start(names.stream().filter(Services::known).distinct().map(name -> start(name, request)).toList());
    }

    public Uni<List<Job>> watch(List<Ref> refs) {
        if (refs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(refs.stream().map(ref -> services.deadLetters(ref.service()).replayJob(ref.id())
                .map(job -> new Job(ref.service(), ref.id(), job, null))
                .onFailure().recoverWithItem(failure -> new Job(ref.service(), ref.id(), null,
                        Failures.status(failure) == 404 ? "not-found" : Failures.describe(failure))))
                .toList()).andFailFast();
    }

    private Uni<Ref> start(String service, DeadLetters.ReplayRequest request) {
        return services.deadLetters(service).replayMany(request)
                .map(job -> new Ref(service, job.id(), null))
                // e.g. more records than one job takes: the service's own words, which name no survivor data
                .onFailure().recoverWithItem(failure -> new Ref(service, null, Failures.detail(failure)));
    }

    private static Uni<List<Ref>> start(List<Uni<Ref>> starts) {
        return starts.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(starts).andFailFast();
    }
}
