package org.handoff.plumbing.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.handoff.plumbing.testing.TestTokens.token;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CallerResourceTest {

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void forgedTokenIsUnauthorized() {
        String genuine = token("officer.police", "almaty-police-dept-1", "police", Roles.POLICE_OFFICER);
        String[] parts = genuine.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"preferred_username\":\"intruder\",\"groups\":[\"admin\"],\"iss\":\"https://server.example.com\"}".getBytes())
                + "." + parts[2];
        given().auth().oauth2(forged).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void signedTokenShowsTheCallersAgencyAndRoles() {
        given().auth().oauth2(token("officer.police", "almaty-police-dept-1", "police", Roles.POLICE_OFFICER))
                .get("/api/v1/me")
                .then().statusCode(200)
                .body("user", equalTo("officer.police"))
                .body("agency", equalTo("almaty-police-dept-1"))
                .body("sector", equalTo("police"))
                .body("roles", contains(Roles.POLICE_OFFICER));
    }
}
