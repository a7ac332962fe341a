package org.handoff.console.web;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.handoff.console.api.Services;

import java.util.List;
import java.util.UUID;

/**
 * Dead letters of every service (each shows the records its own consumers gave up on), with filters, one
 * record's detail and its replay, one at a time or in bulk (the ticked ones, or all matching the filter; a
 * job page follows each service's job until it is done). Every call goes to the service with the administrator's own token, so the
 * service authorizes and audits the person.
 */
@Path("/admin/dead-letters")
@RolesAllowed(Me.ADMIN)
public class DeadLetterResource {

    /** Per service; the newest of each are what an administrator looks at first. */
    static final int PAGE_SIZE = 50;

    private final Services services;
    private final DeadLetterSearch search;
    private final BulkReplay bulk;
    private final PageContext page;

    public DeadLetterResource(Services services, DeadLetterSearch search, BulkReplay bulk, PageContext page) {
        this.services = services;
        this.search = search;
        this.bulk = bulk;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> list(@QueryParam("service") String service, @QueryParam("topic") String topic,
                                      @QueryParam("type") String type, @QueryParam("caseId") String caseId,
                                      @QueryParam("since") String since, @QueryParam("status") String status,
                                      @QueryParam("notice") String notice) {
        var filter = new DeadLetterListing.Filter(blankToNull(service), blankToNull(topic), blankToNull(type),
                blankToNull(caseId), blankToNull(since), blankToNull(status));
        List<String> chosen = filter.service() == null ? Services.NAMES : List.of(known(filter.service()));
        return search.find(chosen, filter, PAGE_SIZE)
                .map(found -> page.render(Pages.deadLetters(page.chrome(), new DeadLetterListing(filter, Services.NAMES,
                        found.rows(), found.totals()), blankToNull(notice))));
    }

    /**
     * "Replay selected" (the ticked records, {@code service:topic:partition:offset}) or "Replay all matching"
     * (the list's filter, at each service that had matches): each service starts its own job, and the job
     * page follows them.
     */
    @POST
    @Path("/replays")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> replayMany(@FormParam("mode") String mode, @FormParam("record") List<String> records,
                                    @FormParam("matchingAt") List<String> matchingAt, @FormParam("service") String service,
                                    @FormParam("topic") String topic, @FormParam("type") String type,
                                    @FormParam("caseId") String caseId, @FormParam("since") String since,
                                    @FormParam("status") String status) {
        var filter = new DeadLetterListing.Filter(blankToNull(service), blankToNull(topic), blankToNull(type),
                blankToNull(caseId), blankToNull(since), blankToNull(status));
        boolean all = "matching".equals(mode);
        List<String> chosen = all ? orEmpty(matchingAt) : orEmpty(records);
        if (chosen.isEmpty()) {
            return Uni.createFrom().item(Response.seeOther(listLink(filter)
                    .with("notice", all ? "nothing-matches" : "nothing-selected").uri()).build());
        }
        Uni<List<BulkReplay.Ref>> started = all ? bulk.matching(chosen, filter) : bulk.selected(chosen);
        return started.map(refs -> {
            List<BulkReplay.Ref> jobs = refs.stream().filter(ref -> ref.id() != null).toList();
            if (jobs.size() == 1 && refs.size() == 1) {
                return Response.seeOther(Links.to("/admin/dead-letters/replays/" + jobs.get(0).service() + "/"
                        + jobs.get(0).id()).uri()).build();
            }
            Links to = Links.to("/admin/dead-letters/replays");
            jobs.forEach(ref -> to.with("job", ref));
            refs.stream().filter(ref -> ref.id() == null).forEach(ref -> to.with("failed", ref.service() + "-service: " + ref.error()));
            return Response.seeOther(to.uri()).build();
        });
    }

    /** One service's bulk replay: its progress and each record's outcome so far. */
    @GET
    @Path("/replays/{service}/{jobId}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> replayJob(@PathParam("service") String service, @PathParam("jobId") UUID jobId) {
        return jobs(List.of(new BulkReplay.Ref(known(service), jobId, null)), List.of());
    }

    /** Several services' replays started together ({@code job=police:<id>}), and those that could not start. */
    @GET
    @Path("/replays")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> replayJobs(@QueryParam("job") List<String> jobs, @QueryParam("failed") List<String> failed) {
        return jobs(orEmpty(jobs).stream().map(BulkReplay.Ref::parse).toList(), orEmpty(failed));
    }

    /** The job list alone, which the job page reads again every few seconds until every job is done. */
    @GET
    @Path("/replays/progress")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> progress(@QueryParam("job") List<String> jobs) {
        return bulk.watch(orEmpty(jobs).stream().map(BulkReplay.Ref::parse).toList())
                .map(found -> page.render(Pages.replayJobs$jobs(page.chrome(), new ReplayProgress(found, List.of()))));
    }

    private Uni<TemplateInstance> jobs(List<BulkReplay.Ref> refs, List<String> failed) {
        return bulk.watch(refs).map(found -> page.render(Pages.replayJobs(page.chrome(), new ReplayProgress(found, failed))));
    }

    private static Links listLink(DeadLetterListing.Filter filter) {
        return Links.to("/admin/dead-letters").with("service", filter.service()).with("topic", filter.topic())
                .with("type", filter.type()).with("caseId", filter.caseId()).with("since", filter.since())
                .with("status", filter.status());
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    @GET
    @Path("/{service}/{topic}/{partition}/{offset}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> detail(@PathParam("service") String service, @PathParam("topic") String topic,
                                        @PathParam("partition") int partition, @PathParam("offset") long offset,
                                        @QueryParam("replayed") String replayed, @QueryParam("replayError") String replayError) {
        return services.deadLetters(known(service)).get(topic, partition, offset)
                .map(letter -> page.render(Pages.deadLetter(page.chrome(), service, letter, blankToNull(replayed),
                        blankToNull(replayError))));
    }

    @POST
    @Path("/{service}/{topic}/{partition}/{offset}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> replay(@PathParam("service") String service, @PathParam("topic") String topic,
                                @PathParam("partition") int partition, @PathParam("offset") long offset) {
        // the error is the consumer's own text: Links encodes it as it is (braces in it are no URI template)
        String detail = UriBuilder.fromPath("/admin/dead-letters/{service}/{topic}/{partition}/{offset}")
                .build(service, topic, partition, offset).toString();
        return services.deadLetters(known(service)).replay(topic, partition, offset)
                .map(result -> Links.to(detail).with("replayed", result.outcome()).with("replayError", result.error()))
                .onFailure().recoverWithItem(failure -> Links.to(detail).with("replayError", Failures.describe(failure)))
                .map(link -> Response.seeOther(link.uri()).build());
    }

    private static String known(String service) {
        if (!Services.known(service)) {
            throw new NotFoundException("no service " + service);
        }
        return service;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }


}
