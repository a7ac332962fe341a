package org.handoff.notification.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.handoff.plumbing.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Field-level refusals found by the service itself (unknown person, bad time zone), shaped like bean validation's. */
public class ValidationProblem extends RuntimeException {

    private final List<Problem.Violation> violations;

    public ValidationProblem(List<Problem.Violation> violations) {
        super(violations.size() + " field(s) are invalid");
        this.violations = List.copyOf(violations);
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public static class Mapper {

        @ServerExceptionMapper
        public Response map(ValidationProblem e, UriInfo uri) {
            return Response.status(400).type(Problem.MEDIA_TYPE)
                    .entity(new Problem(Problem.type("validation"), "Invalid request", 400, e.getMessage(), uri.getPath(),
                            e.violations()))
                    .build();
        }
    }
}
