package org.handoff.plumbing.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;

@Path("/test/problems")
@PermitAll
public class ProblemTestResource {

    public record Person(@NotBlank String name, @Min(0) int age) {
    }

    public record Report(@NotNull @Valid Person survivor, @NotBlank String incidentType, List<@NotBlank String> services) {
    }

    @POST
    public Report accept(@Valid Report report) {
        return report;
    }

    @POST
    @Path("/{state}")
    public Report refuse(@PathParam("state") String state, Report report) {
        throw ProblemException.conflict("the referral is " + state);
    }
}
