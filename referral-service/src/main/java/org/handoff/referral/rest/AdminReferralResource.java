package org.handoff.referral.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.events.Sector;
import org.handoff.plumbing.paging.Page;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.plumbing.security.Caller;
import org.handoff.plumbing.security.Roles;
import org.handoff.referral.monitoring.ReferralMonitoring;
import org.handoff.referral.repository.ReferralMonitorRepository.Attention;

import java.util.Arrays;
import java.util.Locale;

/** The referral flow for administrators: counts, and the referrals that need someone's attention. */
@Path("/api/v1/admin/referrals")
@Tag(name = "Admin: referrals")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminReferralResource {

    private final ReferralMonitoring monitoring;
    private final Caller caller;

    public AdminReferralResource(ReferralMonitoring monitoring, Caller caller) {
        this.monitoring = monitoring;
        this.caller = caller;
    }

    @GET
    @Path("/overview")
    @Operation(summary = "Referrals by state and recipient sector, and how many are overdue, escalated and stuck")
    public Uni<ReferralMonitoring.Overview> overview() {
        return monitoring.overview(caller.who());
    }

    @GET
    @Path("/{attention}")
    @Operation(summary = "Referrals that are overdue (a deadline passed), escalated (an overdue escalation went out) "
            + "or stuck (still REQUESTED past the receipt deadline), oldest deadline first, with age and escalation level")
    public Uni<Page<ReferralMonitoring.AttentionItem>> attention(@PathParam("attention") String attention,
                                                                @QueryParam("sector") Sector sector,
                                                                @QueryParam("page") Integer page,
                                                                @QueryParam("size") Integer size) {
        Attention kind = Arrays.stream(Attention.values())
                .filter(candidate -> candidate.name().toLowerCase(Locale.ROOT).equals(attention))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("referral list '" + attention + "' (overdue, escalated or stuck)"));
        return monitoring.attention(kind, sector, Page.page(page), Page.size(size), caller.who());
    }
}
