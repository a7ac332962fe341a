package org.handoff.console.web;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.handoff.console.api.MonitoringApi;

/**
 * The administrator's view of the flow: per service its consumer group's lag, outbox backlog and dead
 * letters; the broker's topics; referrals by state, and the lists of those overdue, escalated and stuck.
 */
@Path("/admin/flows")
@RolesAllowed(Me.ADMIN)
public class FlowsResource {

    /** Oldest deadline first: the first screen is what needs attention most. */
    static final int ATTENTION_PAGE_SIZE = 50;

    private final FlowDashboard dashboard;
    private final MonitoringApi monitoring;
    private final PageContext page;

    public FlowsResource(FlowDashboard dashboard, @RestClient MonitoringApi monitoring, PageContext page) {
        this.dashboard = dashboard;
        this.monitoring = monitoring;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> board() {
        return dashboard.now().map(board -> page.render(Pages.flows(page.chrome(), board)));
    }

    @GET
    @Path("/referrals/{attention}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> attention(@PathParam("attention") String attention, @QueryParam("page") int pageNumber) {
        if (!MonitoringApi.ATTENTION.contains(attention)) {
            throw new NotFoundException("no referral list " + attention);
        }
        int from = Math.max(0, pageNumber);
        return monitoring.attention(attention, from, ATTENTION_PAGE_SIZE)
                .map(found -> page.render(Pages.attention(page.chrome(), attention, found)));
    }
}
