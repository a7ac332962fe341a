package org.handoff.plumbing.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.handoff.plumbing.idempotency.IdempotentRequests;
import org.handoff.plumbing.problem.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents, once for every service, the problem+json answers {@code ProblemMappers} gives: on every
 * operation that answers in JSON the statuses it can actually produce, each with the RFC 9457 {@code Problem} schema —
 * 400 (bad input: it takes parameters or a body), 401 and 403 (it needs a token), 404 (its path names
 * something), 409 (a state or Idempotency-Key conflict), 412 and 428 (it takes If-Match). A public
 * operation (a one-time link, no token) says so with an empty security list, not by leaving it out.
 * Registered in microprofile-config.properties ({@code mp.openapi.filter}).
 */
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";
    private static final String IF_MATCH = "If-Match";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> document(path, operation)));
    }

    private static void document(String path, Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(List.of());   // no token needed: explicitly public
        }
        if (answersOnlyHtml(operation)) {
            return;   // a page for a person (a one-time link): it says what went wrong in HTML, as documented there
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            statuses.put("400", "Invalid request: each bad field is named in violations");
        }
        if (!operation.getSecurity().isEmpty()) {
            statuses.put("401", "No valid bearer token for this service");
            statuses.put("403", "The caller's role or agency may not do this");
        }
        if (path.contains("{")) {
            statuses.put("404", "Nothing there, or nothing the caller may see");
        }
        boolean ifMatch = has(parameters, IF_MATCH);
        if (ifMatch || has(parameters, IdempotentRequests.HEADER)) {
            statuses.put("409", "Conflicts with the current state, or the Idempotency-Key was used for another request");
        }
        if (ifMatch) {
            statuses.put("412", "The resource changed since the version in If-Match");
            statuses.put("428", "If-Match is required");
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        statuses.forEach((status, description) -> {
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                response = OASFactory.createAPIResponse().description(description);
                responses.addAPIResponse(status, response);
            }
            response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA))));
        });
        operation.setResponses(responses);
    }

    static boolean answersOnlyHtml(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return false;
        }
        var media = operation.getResponses().getAPIResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2") && e.getValue().getContent() != null
                        && e.getValue().getContent().getMediaTypes() != null)
                .flatMap(e -> e.getValue().getContent().getMediaTypes().keySet().stream()).toList();
        return !media.isEmpty() && media.stream().allMatch(type -> type.startsWith("text/html"));
    }

    private static boolean has(List<Parameter> parameters, String header) {
        return parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && header.equalsIgnoreCase(p.getName()));
    }

    private static Schema problemSchema() {
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation))
                .required(List.of("title", "status"));
    }
}
