package org.handoff.console.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * Without a session every page sends the browser to the OIDC provider's login (WireMock standing in
 * for Keycloak), in the authorization code flow with PKCE; only health checks and static files are public.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SignInTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/duty", "/duty/feed", "/admin/dead-letters", "/cases", "/cases/3f2b8c1e-0000-4000-8000-000000000001",
            "/cases/3f2b8c1e-0000-4000-8000-000000000001/referrals/3f2b8c1e-0000-4000-8000-000000000002",
            "/inbox", "/inbox/3f2b8c1e-0000-4000-8000-000000000002", "/admin/flows", "/admin/flows/referrals/overdue",
            "/admin/dead-letters/replays/police/3f2b8c1e-0000-4000-8000-000000000003",
            "/admin/dead-letters/replays?job=police:3f2b8c1e-0000-4000-8000-000000000003",
            "/admin/dead-letters/replays/progress?job=police:3f2b8c1e-0000-4000-8000-000000000003"})
    void aPageWithoutSessionRedirectsToTheLoginWithPkce(String path) {
        RestAssured.given().redirects().follow(false)
                .get(path)
                .then().statusCode(302)
                .header("Location", allOf(
                        containsString("/auth/realms/quarkus"),
                        containsString("response_type=code"),
                        containsString("client_id=quarkus-web-app"),
                        containsString("code_challenge="),
                        containsString("code_challenge_method=S256"),
                        // the access token never goes to the browser: no implicit or hybrid flow
                        not(containsString("token"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/duty/notifications/3f2b8c1e-0000-4000-8000-000000000001/acknowledge",
            "/inbox/3f2b8c1e-0000-4000-8000-000000000002/accept", "/admin/dead-letters/replays"})
    void aPostWithoutSessionActsOnNothing(String path) {
        RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "forged")
                .post(path)
                .then().statusCode(302).header("Location", containsString("/auth/realms/quarkus"));
    }

    @Test
    void stylesheetAndHealthNeedNoSession() {
        RestAssured.given().redirects().follow(false).get("/static/console.css").then().statusCode(200);
        RestAssured.given().redirects().follow(false).get("/static/feed.js").then().statusCode(200);
        RestAssured.given().redirects().follow(false).get("/q/health/ready").then().statusCode(200);
    }
}
