package org.handoff.plumbing.testing;

import io.restassured.path.json.JsonPath;
import org.handoff.plumbing.security.Roles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.handoff.plumbing.testing.TestTokens.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service must offer an operator and an agency system from day one. Each service runs
 * it against its own database and the real broker by extending it in a {@code @QuarkusTest}.
 */
public abstract class ServiceFoundationTest {

    /** The admin flow endpoints every service has (dead letters, audit verification): administrators only. */
    private static final AuthorizationMatrix ADMIN_ENDPOINTS = AuthorizationMatrix.callers(
                    new AuthorizationMatrix.Caller("admin", "admin.ops", "almaty-coordination", "coordination", Roles.ADMIN),
                    new AuthorizationMatrix.Caller("case manager", "manager.case", "almaty-coordination", "coordination",
                            Roles.CASE_MANAGER),
                    new AuthorizationMatrix.Caller("duty officer", "duty.police", "almaty-police-dept-1", "police",
                            Roles.DUTY_OFFICER, Roles.SUPERVISOR))
            .row("GET", "/api/v1/admin/dead-letters", null, 200, 403, 403)
            .row("GET", "/api/v1/admin/dead-letters/{absent dead letter}", null, 404, 403, 403)
            .row("POST", "/api/v1/admin/dead-letters/{absent dead letter}/replay", null, 404, 403, 403)
            .row("POST", "/api/v1/admin/dead-letters/replays",
                    Map.of("records", List.of(Map.of("topic", "handoff.absent.dlq", "partition", 0, "offset", 0))), 202, 403, 403)
            .row("GET", "/api/v1/admin/dead-letters/replays/{absent replay}", null, 404, 403, 403)
            .row("GET", "/api/v1/admin/outbox", null, 200, 403, 403)
            .row("GET", "/api/v1/admin/cases/{absent case}/flow", null, 200, 403, 403)
            .row("GET", "/api/v1/admin/audit/verification", null, 200, 403, 403);

    @TestFactory
    Stream<DynamicTest> adminEndpointsAreForAdministratorsOnly() {
        return ADMIN_ENDPOINTS.tests(path -> AuthorizationMatrix.Target.of(path
                .replace("{absent dead letter}", "handoff.absent.dlq/0/0")
                .replace("{absent replay}", UUID.randomUUID().toString())
                .replace("{absent case}", UUID.randomUUID().toString())));
    }

    @Test
    void openApiDocumentsTheDeadLetterEndpoints() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/admin/dead-letters"))
                .body("paths", hasKey("/api/v1/admin/dead-letters/{topic}/{partition}/{offset}/replay"))
                .body("paths", hasKey("/api/v1/admin/dead-letters/replays"));
    }

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        List<String> checks = health.getList("checks.name");
        assertTrue(checks.stream().anyMatch(name -> name.contains("PostgreSQL")), checks.toString());
        assertTrue(checks.stream().anyMatch(name -> name.contains("Kafka")), checks.toString());
        assertTrue(health.getList("checks.status").stream().allMatch("UP"::equals), health.prettify());
    }

    @Test
    void prometheusMetricsIncludeTheOutboxRelay() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("handoff_outbox_published_total"))
                .body(containsString("handoff_outbox_backlog_rows")).body(containsString("handoff_outbox_oldest_unsent_seconds"));
    }

    @Test
    void openApiDocumentsTheApiAndSwaggerUiIsServed() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/me"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /**
     * What an agency system's developer reads before calling: where the service is, how to get a token
     * (the Keycloak realm), and on every operation whether it needs one and the problem+json it answers
     * with when refused. The test command also lints the live documents with Redocly.
     */
    @Test
    void openApiNamesTheServerTheRealmAndEveryOperationsSecurityAndProblems() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(!document.getList("servers.url").isEmpty(), "servers");
        assertEquals("openIdConnect", document.getString("components.securitySchemes.keycloak.type"));
        assertTrue(document.getString("components.securitySchemes.keycloak.openIdConnectUrl")
                .endsWith("/.well-known/openid-configuration"), document.getString("components.securitySchemes"));
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        List<String> problems = new java.util.ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String name = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
            if (!operationIds.add(String.valueOf(operation.get("operationId")))) {
                problems.add(name + ": operationId " + operation.get("operationId") + " not unique");
            }
            List<?> security = (List<?>) operation.get("security");
            if (security == null) {
                problems.add(name + ": no security (an empty list if it is public)");
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            List<String> refusals = security == null || security.isEmpty() ? List.of() : List.of("401", "403");
            for (String status : refusals) {
                if (!responses.containsKey(status)) {
                    problems.add(name + ": needs a token but documents no " + status);
                }
            }
            boolean page = responses.entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                    .allMatch(e -> e.getValue().get("content") instanceof Map<?, ?> media && !media.isEmpty()
                            && media.keySet().stream().allMatch(type -> String.valueOf(type).startsWith("text/html")));
            responses.forEach((status, response) -> {
                Object content = response.get("content");
                String expected = page ? "text/html" : "application/problem+json";
                if (status.startsWith("4") && !(content instanceof Map<?, ?> media && media.containsKey(expected))) {
                    problems.add(name + ": " + status + " without " + expected);
                }
            });
        }));
        assertTrue(operationIds.size() > 5, "the document has the service's operations: " + operationIds);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void apiRefusesACallWithoutABearerToken() {
        given().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void apiAcceptsASignedToken() {
        given().auth().oauth2(token("manager.case", "almaty-coordination", "coordination", Roles.CASE_MANAGER))
                .get("/api/v1/me")
                .then().statusCode(200)
                .body("agency", equalTo("almaty-coordination"));
    }

    @Test
    void apiRefusesATokenIssuedForAnotherService() {
        String otherService = TestTokens.anotherService();
        given().auth().oauth2(TestTokens.tokenFor(otherService, "manager.case", "almaty-coordination", "coordination", Roles.CASE_MANAGER))
                .get("/api/v1/me")
                .then().statusCode(401);
    }
}
