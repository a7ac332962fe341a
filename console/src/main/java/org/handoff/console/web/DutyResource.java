package org.handoff.console.web;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.handoff.console.ConsoleConfig;
import org.handoff.console.api.NotificationApi;

import java.util.List;
import java.util.UUID;

/**
 * The duty officer's live feed: notification-service's notifications the user may see (a duty officer or
 * supervisor: the agency's; anyone else: their own), newest first, acknowledged in one click. The page
 * reads {@code /duty/feed} for the list whenever {@code /duty/live} (notification-service's WebSocket feed,
 * relayed as Server-Sent Events) says something arrived, and every few seconds besides; acknowledging is a
 * form POST (CSRF token) and a redirect back.
 */
@Path("/duty")
@Authenticated
public class DutyResource {

    /** One screen of the newest: older ones are acknowledged or escalated by now. */
    static final int FEED_SIZE = 50;

    private final NotificationApi notifications;
    private final LiveFeed live;
    private final SecurityIdentity identity;
    private final PageContext page;
    private final ConsoleConfig config;

    public DutyResource(@RestClient NotificationApi notifications, LiveFeed live, SecurityIdentity identity,
                        PageContext page, ConsoleConfig config) {
        this.notifications = notifications;
        this.live = live;
        this.identity = identity;
        this.page = page;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> feed(@QueryParam("acknowledged") UUID acknowledged, @QueryParam("failed") String failed) {
        return read().map(feed -> page.render(Pages.duty(page.chrome(), feed, acknowledgedSubject(feed, acknowledged),
                failed, config.feedRefresh().toMillis(), config.feedRefreshLive().toMillis())));
    }

    /** "connected", then "notification" for each one that arrives for the user (no content: the page reads its list). */
    @GET
    @Path("/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> live() {
        return live.changes(identity.getCredential(AccessTokenCredential.class).getToken());
    }

    @GET
    @Path("/feed")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> list() {
        return read().map(feed -> page.render(Pages.duty$feed(page.chrome(), feed)));
    }

    @POST
    @Path("/notifications/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> acknowledge(@PathParam("id") UUID id) {
        // a fresh key per click: notification-service makes a repeated acknowledgement change nothing anyway
        return notifications.acknowledge(id, UUID.randomUUID().toString())
                .map(n -> UriBuilder.fromPath("/duty").queryParam("acknowledged", n.id()).build())
                .onFailure().recoverWithItem(failure -> UriBuilder.fromPath("/duty")
                        .queryParam("failed", Failures.describe(failure)).build())
                .map(location -> Response.seeOther(location).build());
    }

    private Uni<Feed> read() {
        // the count of all unacknowledged ones is the total of a one-item page of them
        return Uni.combine().all().unis(notifications.list(null, null, 0, FEED_SIZE), notifications.list(null, false, 0, 1))
                .asTuple()
                .map(found -> new Feed(found.getItem1().items(), found.getItem2().total(), null))
                .onFailure().recoverWithItem(failure -> new Feed(List.of(), 0, Failures.describe(failure)));
    }

    /** The subject of the notification just acknowledged, for the page's confirmation after the redirect. */
    private static String acknowledgedSubject(Feed feed, UUID acknowledged) {
        if (acknowledged == null) {
            return null;
        }
        return feed.items().stream().filter(n -> n.id().equals(acknowledged)).map(NotificationApi.Notification::subject)
                .findFirst().orElse(acknowledged.toString());
    }
}
