package org.handoff.plumbing.flow;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.plumbing.security.Caller;
import org.handoff.plumbing.security.Roles;

@Path("/api/v1/admin/cases/{caseId}/flow")
@Tag(name = "Admin: flows")
public class CaseFlowResource {

    private final CaseFlow flow;
    private final Caller caller;

    public CaseFlowResource(CaseFlow flow, Caller caller) {
        this.flow = flow;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The events of one case this service produced and applied, with times and latency per hop; no survivor data")
    public Uni<CaseFlow.View> flow(@PathParam("caseId") String caseId) {
        return flow.of(caseId, caller.who());
    }
}
