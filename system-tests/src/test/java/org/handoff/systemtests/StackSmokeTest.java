package org.handoff.systemtests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The whole local stack, with tokens issued by the real Keycloak, as an agency system would use it. */
class StackSmokeTest {

    static Stream<String> services() {
        return Stack.SERVICES.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceIsReadyWithDatabaseAndBroker(String service) {
        given().get(Stack.url(service) + "/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void requestWithoutTokenIsRefused(String service) {
        given().get(Stack.url(service) + "/api/v1/me").then().statusCode(401);
    }

    @ParameterizedTest
    @MethodSource("services")
    void demoUserTokenFromKeycloakIsAccepted(String service) {
        given().auth().oauth2(Stack.userToken("officer.police"))
                .get(Stack.url(service) + "/api/v1/me")
                .then().statusCode(200)
                .body("user", equalTo("officer.police"))
                .body("agency", equalTo("almaty-police-dept-1"))
                .body("sector", equalTo("police"))
                .body("roles", hasItem("police-officer"));
    }

    /** Keycloak names in "aud" only the services an agency system is meant to call. */
    @ParameterizedTest
    @MethodSource("services")
    void agencySystemServiceAccountIsAcceptedOnlyWhereItIsAnAudience(String service) {
        boolean audience = Set.of("health-service", "referral-service", "notification-service").contains(service);
        var response = given().auth().oauth2(Stack.clientToken("health-system", "HEALTH_SYSTEM_CLIENT_SECRET"))
                .get(Stack.url(service) + "/api/v1/me")
                .then().statusCode(audience ? 200 : 401);
        if (audience) {
            response.body("sector", equalTo("health"));
        }
    }
}
