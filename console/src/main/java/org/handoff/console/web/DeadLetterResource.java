package org.handoff.console.web;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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

/**
 * Dead letters of every service (each shows the records its own consumers gave up on), with filters, one
 * record's detail and its replay. Every call goes to the service with the administrator's own token, so the
 * service authorizes and audits the person.
 */
@Path("/admin/dead-letters")
@RolesAllowed(Me.ADMIN)
public class DeadLetterResource {

    /** Per service; the newest of each are what an administrator looks at first. */
    static final int PAGE_SIZE = 50;

    private final Services services;
    private final DeadLetterSearch search;
    private final PageContext page;

    public DeadLetterResource(Services services, DeadLetterSearch search, PageContext page) {
        this.services = services;
        this.search = search;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> list(@QueryParam("service") String service, @QueryParam("topic") String topic,
                                      @QueryParam("type") String type, @QueryParam("caseId") String caseId,
                                      @QueryParam("since") String since, @QueryParam("status") String status) {
        var filter = new DeadLetterListing.Filter(blankToNull(service), blankToNull(topic), blankToNull(type),
                blankToNull(caseId), blankToNull(since), blankToNull(status));
        List<String> chosen = filter.service() == null ? Services.NAMES : List.of(known(filter.service()));
        return search.find(chosen, filter, PAGE_SIZE)
                .map(found -> page.render(Pages.deadLetters(page.chrome(), new DeadLetterListing(filter, Services.NAMES,
                        found.rows(), found.totals()))));
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
        UriBuilder detail = UriBuilder.fromPath("/admin/dead-letters/{service}/{topic}/{partition}/{offset}");
        return services.deadLetters(known(service)).replay(topic, partition, offset)
                .map(result -> result.error() == null
                        ? detail.queryParam("replayed", result.outcome())
                        : detail.queryParam("replayed", result.outcome()).queryParam("replayError", result.error()))
                .onFailure().recoverWithItem(failure -> detail.queryParam("replayError", Failures.describe(failure)))
                .map(uri -> Response.seeOther(uri.build(service, topic, partition, offset)).build());
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
