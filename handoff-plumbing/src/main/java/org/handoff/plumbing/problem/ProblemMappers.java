package org.handoff.plumbing.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.handoff.plumbing.consumer.InfrastructureUnavailableException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every error a service returns is application/problem+json; a client error never becomes a 500. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(new Problem(Problem.type("validation"), "Invalid request", 400,
                violations.size() + " field(s) are invalid", uri.getPath(), violations));
    }

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        return respond(new Problem(Problem.type(e.slug()), e.title(), e.status(), e.getMessage(), uri.getPath(), null));
    }

    /** A replay (or other administrator's request) that met a database or broker that is down: nothing was applied. */
    @ServerExceptionMapper
    public Response unavailable(InfrastructureUnavailableException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(Problem.type("unavailable"), "A part this request needs is unavailable",
                503, e.getMessage() + "; nothing was changed, try again later", uri.getPath(), null)))
                .header("Retry-After", 5).build();
    }

    @ServerExceptionMapper({MismatchedInputException.class, JsonMappingException.class, JsonProcessingException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        List<Problem.Violation> violations = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? List.of(new Problem.Violation(jsonPath(mapping), "cannot be read: " + e.getOriginalMessage()))
                : List.of();
        return respond(new Problem(Problem.type("unreadable-body"), "The request body is not valid JSON for this resource",
                400, e.getOriginalMessage(), uri.getPath(), violations));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = family == Response.Status.Family.CLIENT_ERROR ? e.getMessage() : null;
        Response.ResponseBuilder response = Response.fromResponse(e.getResponse())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type("http-" + status), title, status, detail, uri.getPath(), null));
        return response.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "unexpected error %s on %s", errorId, uri.getPath());
        return respond(new Problem(Problem.type("internal"), "Internal error", 500,
                "quote error id " + errorId + " to the operators", uri.getPath(), null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Drops the Java method and parameter names so the client sees the path inside its own body. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
