package org.handoff.console.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
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
import org.handoff.console.api.Inbox;
import org.handoff.console.api.InboxApi;
import org.handoff.console.api.Services;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A sector's referral inbox: the worker's own sector (their sector claim names the service), or for a case
 * manager any sector's, read only. Actions are form POSTs (CSRF token) carrying the version the page showed
 * and a key made when it was rendered; the answer is a redirect back to the referral with what happened,
 * also when the service refused (someone changed it meanwhile, a move its state does not allow, a role).
 */
@Path("/inbox")
@Authenticated
public class InboxResource {

    /** One screen; the service sorts the most pressing deadline first. */
    static final int PAGE_SIZE = 20;

    private final Services services;
    private final PageContext page;

    public InboxResource(Services services, PageContext page) {
        this.services = services;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> list(@QueryParam("sector") String sector, @QueryParam("state") String state,
                                      @QueryParam("overdue") boolean overdue, @QueryParam("caseId") String caseId,
                                      @QueryParam("page") int pageNumber) {
        String chosen = sector(sector);
        String typed = DeadLetterResource.blankToNull(caseId);
        UUID theCase = uuid(typed);
        var filter = new InboxListing.Filter(state != null && Inbox.STATES.contains(state) ? state : null, overdue, typed,
                typed != null && theCase == null);
        int from = Math.max(0, pageNumber);
        return services.inbox(chosen).list(filter.state(), overdue ? Boolean.TRUE : null, theCase, from, PAGE_SIZE)
                .map(found -> {
                    Instant now = Instant.now();
                    List<InboxListing.Row> rows = found.items().stream()
                            .map(referral -> new InboxListing.Row(referral, Due.of(referral, now))).toList();
                    return page.render(Pages.inbox(page.chrome(), new InboxListing(chosen, sectors(), filter, rows, from,
                            PAGE_SIZE, found.total())));
                });
    }

    @GET
    @Path("/{referralId}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> detail(@PathParam("referralId") UUID referralId, @QueryParam("sector") String sector,
                                        @QueryParam("done") String done, @QueryParam("problem") String problem,
                                        @QueryParam("detail") String detail) {
        String chosen = sector(sector);
        boolean acts = page.me().worker();
        return services.inbox(chosen).get(referralId).map(referral -> {
            // a fresh key per form and rendering: submitting the same form twice is one action at the service
            List<InboxReferralPage.Form> forms = acts ? InboxAction.offeredIn(referral.state()).stream()
                    .map(action -> new InboxReferralPage.Form(action.id(), UUID.randomUUID().toString())).toList() : List.of();
            return page.render(Pages.inboxReferral(page.chrome(), new InboxReferralPage(chosen, referral,
                    Due.of(referral, Instant.now()), forms, InboxAction.of(done).map(InboxAction::id).orElse(null),
                    DeadLetterResource.blankToNull(problem), DeadLetterResource.blankToNull(detail))));
        });
    }

    @POST
    @Path("/{referralId}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> act(@PathParam("referralId") UUID referralId, @PathParam("action") String actionId,
                             @FormParam("version") long version, @FormParam("idempotencyKey") String key,
                             @FormParam("reason") String reason, @FormParam("redirectAgency") String redirectAgency,
                             @FormParam("outcome") String outcome, @FormParam("servicesProvided") List<String> provided) {
        InboxAction action = InboxAction.of(actionId).orElseThrow(() -> new NotFoundException("no action " + actionId));
        if (!page.me().worker()) {
            throw new ForbiddenException("only a sector's workers act in its inbox");
        }
        String back = "/inbox/" + referralId;
        String ifMatch = "\"" + version + "\"";
        // the key the page was rendered with; a form without one still acts once
        String idempotencyKey = key == null || key.isBlank() ? UUID.randomUUID().toString() : key;
        InboxApi inbox = services.inbox(page.me().inboxSector());
        Uni<Inbox.Referral> call = switch (action) {
            case ACCEPT -> inbox.accept(referralId, ifMatch, idempotencyKey);
            case START -> inbox.start(referralId, ifMatch, idempotencyKey);
            case DECLINE -> reason != null && Inbox.DECLINE_REASONS.contains(reason)
                    ? inbox.decline(referralId, ifMatch, idempotencyKey,
                    new Inbox.Decline(reason, DeadLetterResource.blankToNull(redirectAgency)))
                    : invalid();
            case COMPLETE -> outcome != null && Inbox.OUTCOMES.contains(outcome)
                    ? inbox.complete(referralId, ifMatch, idempotencyKey, new Inbox.Complete(outcome, known(provided)))
                    : invalid();
        };
        return call.map(done -> Links.to(back).with("done", action.id()))
                .onFailure().recoverWithItem(failure -> {
                    String problem = problem(failure);
                    return Links.to(back).with("problem", problem)
                            .with("detail", "failed".equals(problem) ? Failures.describe(failure) : null);
                })
                .map(link -> Response.seeOther(link.uri()).build());
    }

    /** Names a refusal the way the page explains it; the referral's current state is on the page it leads to. */
    static String problem(Throwable failure) {
        if (failure instanceof InvalidForm) {
            return "invalid";
        }
        return switch (Failures.status(failure)) {
            case 412 -> "changed";
            case 409 -> "conflict";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 400, 422 -> "invalid";
            default -> "failed";
        };
    }

    /** A worker's own sector; a case manager's choice of sector (the first if none); nobody else has an inbox. */
    private String sector(String requested) {
        Me me = page.me();
        if (me.worker()) {
            return me.inboxSector();
        }
        if (me.reader()) {
            return requested != null && Services.SECTORS.contains(requested) ? requested : Services.SECTORS.get(0);
        }
        throw new ForbiddenException("no sector inbox for this role");
    }

    private List<String> sectors() {
        return page.me().worker() ? List.of(page.me().inboxSector()) : Services.SECTORS;
    }

    private static Set<String> known(List<String> provided) {
        return provided == null ? Set.of()
                : provided.stream().filter(service -> service != null && Inbox.SERVICE_TYPES.contains(service))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException notUuid) {
            return null;
        }
    }

    private static <T> Uni<T> invalid() {
        return Uni.createFrom().failure(new InvalidForm());
    }

    /** A form without the choice its action needs (a decline reason, an outcome): nothing is sent. */
    static final class InvalidForm extends RuntimeException {
        InvalidForm() {
            super("the form lacks a required choice", null, false, false);
        }
    }
}
