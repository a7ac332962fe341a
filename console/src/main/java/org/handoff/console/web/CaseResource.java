package org.handoff.console.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.handoff.console.api.NotificationApi;
import org.handoff.console.api.ReferralApi;
import org.handoff.console.api.Services;

import java.util.List;
import java.util.UUID;

/**
 * One case, as far as the signed-in user may see it: referral-service's timeline of its referrals,
 * notification-service's notifications about it and, for an administrator, its events across the five
 * services hop by hop and every service's dead letters of it. Only references, states, agencies and times:
 * no survivor data.
 */
@Path("/cases")
@Authenticated
public class CaseResource {

    private final ReferralApi referrals;
    private final NotificationApi notifications;
    private final DeadLetterSearch deadLetters;
    private final EventFlow eventFlow;
    private final PageContext page;

    public CaseResource(@RestClient ReferralApi referrals, @RestClient NotificationApi notifications,
                        DeadLetterSearch deadLetters, EventFlow eventFlow, PageContext page) {
        this.referrals = referrals;
        this.notifications = notifications;
        this.deadLetters = deadLetters;
        this.eventFlow = eventFlow;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Object find(@QueryParam("caseId") String caseId) {
        if (caseId == null || caseId.isBlank()) {
            return page.render(Pages.findCase(page.chrome(), "", false));
        }
        try {
            return Response.seeOther(UriBuilder.fromPath("/cases/{id}").build(UUID.fromString(caseId.strip()))).build();
        } catch (IllegalArgumentException notUuid) {
            return page.render(Pages.findCase(page.chrome(), caseId, true));
        }
    }

    /**
     * Where notification-service's links point (mail, SMS, webhook: {@code <console>/cases/<case>/referrals/<referral>}):
     * the case's page, which shows that referral in its timeline.
     */
    @GET
    @Path("/{caseId}/referrals/{referralId}")
    public Response referral(@PathParam("caseId") UUID caseId, @PathParam("referralId") UUID referralId) {
        return Response.seeOther(UriBuilder.fromPath("/cases/{id}").fragment("timeline").build(caseId)).build();
    }

    @GET
    @Path("/{caseId}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> show(@PathParam("caseId") UUID caseId) {
        Uni<CaseFlow.Part<List<ReferralApi.TimelineEntry>>> timeline = referrals.timeline(caseId)
                .map(CaseFlow.Part::of)
                .onFailure().recoverWithItem(CaseResource::failed);
        Uni<CaseFlow.Part<List<NotificationApi.Notification>>> notified = notifications.list(caseId, null, 0, 200)
                .map(found -> CaseFlow.Part.of(found.items()))
                .onFailure().recoverWithItem(CaseResource::failed);
        boolean admin = page.me().admin();
        Uni<DeadLetterSearch.Found> letters = admin
                ? deadLetters.find(Services.NAMES, new DeadLetterListing.Filter(null, null, null, caseId.toString(), null, null),
                DeadLetterResource.PAGE_SIZE)
                : Uni.createFrom().item(new DeadLetterSearch.Found(List.of(), List.of()));
        Uni<EventFlow.Found> events = admin
                ? eventFlow.of(caseId.toString())
                : Uni.createFrom().item(new EventFlow.Found(List.of(), List.of()));
        return Uni.combine().all().unis(timeline, notified, letters, events).asTuple()
                .map(parts -> {
                    List<DeadLetterListing.ServiceTotal> errors = new java.util.ArrayList<>(parts.getItem4().errors());
                    parts.getItem3().totals().stream().filter(total -> total.error() != null).forEach(errors::add);
                    return page.render(Pages.caseFlow(page.chrome(), new CaseFlow(caseId, parts.getItem1(), parts.getItem2(),
                            admin ? CaseFlow.Part.of(parts.getItem4().events()) : null,
                            admin ? CaseFlow.Part.of(parts.getItem3().rows()) : null,
                            errors.stream().distinct().toList())));
                });
    }

    private static <T> CaseFlow.Part<T> failed(Throwable failure) {
        return new CaseFlow.Part<>(null, Failures.forbidden(failure), Failures.forbidden(failure) ? null : Failures.describe(failure));
    }
}
