package org.handoff.plumbing.testing;

import io.restassured.path.json.JsonPath;
import org.handoff.plumbing.security.Roles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.handoff.plumbing.testing.TestTokens.token;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service must offer an operator and an agency system from day one. Each service runs
 * it against its own database and the real broker by extending it in a {@code @QuarkusTest}.
 */
public abstract class ServiceFoundationTest {

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
        given().get("/q/metrics").then().statusCode(200).body(containsString("handoff_outbox_published_total"));
    }

    @Test
    void openApiDocumentsTheApiAndSwaggerUiIsServed() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/me"));
        given().get("/q/swagger-ui/").then().statusCode(200);
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
