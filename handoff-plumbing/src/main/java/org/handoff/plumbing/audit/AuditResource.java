package org.handoff.plumbing.audit;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.plumbing.security.Roles;

@Path("/api/v1/admin/audit/verification")
@Tag(name = "Audit")
public class AuditResource {

    private final AuditVerifier verifier;

    public AuditResource(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-computes this service's audit hash chain and names the first broken entry, if any")
    public Uni<AuditVerifier.Verification> verify() {
        return verifier.verify();
    }
}
