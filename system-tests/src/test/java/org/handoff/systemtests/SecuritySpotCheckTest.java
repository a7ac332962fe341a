package org.handoff.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Spot checks of the authorization matrices (see each service's README) with tokens from the real
 * Keycloak: sectors are kept apart, and the admin monitors without seeing survivor data.
 */
class SecuritySpotCheckTest {

    static Stream<String> services() {
        return Stack.SERVICES.keySet().stream().sorted();
    }

    @Test
    void aPoliceOfficerCannotReadTheHealthInbox() {
        given().auth().oauth2(Stack.userToken("officer.police"))
                .get(Stack.url("health-service") + "/api/v1/inbox/referrals")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aHealthWorkerReadsTheHealthInbox() {
        given().auth().oauth2(Stack.userToken("worker.health"))
                .get(Stack.url("health-service") + "/api/v1/inbox/referrals")
                .then().statusCode(200);
    }

    @Test
    void thePoliceRecordsSystemCannotCallTheHealthService() {
        given().auth().oauth2(Stack.clientToken("police-system", "POLICE_SYSTEM_CLIENT_SECRET"))
                .get(Stack.url("health-service") + "/api/v1/inbox/referrals")
                .then().statusCode(401);
    }

    @Test
    void theAdminSeesNoSurvivorData() {
        String admin = Stack.userToken("admin.ops");
        given().auth().oauth2(admin).get(Stack.url("police-service") + "/api/v1/reports").then().statusCode(403);
        given().auth().oauth2(admin).get(Stack.url("social-service") + "/api/v1/inbox/referrals").then().statusCode(403);
    }

    @ParameterizedTest
    @MethodSource("services")
    void onlyTheAdminVerifiesTheAuditChain(String service) {
        given().auth().oauth2(Stack.userToken("admin.ops"))
                .get(Stack.url(service) + "/api/v1/admin/audit/verification")
                .then().statusCode(200).body("intact", equalTo(true));
        given().auth().oauth2(Stack.userToken("supervisor.police"))
                .get(Stack.url(service) + "/api/v1/admin/audit/verification")
                .then().statusCode(403);
    }
}
