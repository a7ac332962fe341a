package org.handoff.console.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser's session with the console in the module tests: the authorization code flow against WireMock
 * standing in for Keycloak (OidcWiremockTestResource), for a user with the roles and claims given, then the
 * session cookie on every request and the CSRF token of the last page read on every form POST.
 */
final class SignedIn {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    private SignedIn() {
    }

    /** Signs in as {@code user} with these realm roles, agency and sector (the ID token's claims, as Keycloak's). */
    static SignedIn as(WireMockServer oidc, String user, Set<String> roles, String agency, String sector) {
        String access = OidcWiremockTestResource.generateJwtToken(user, roles, "123456", "Bearer",
                Set.of("https://server.example.com"), Map.of("agency", agency, "sector", sector));
        String id = OidcWiremockTestResource.getIdToken(user, "quarkus-web-app",
                Map.of("agency", agency, "sector", sector, "name", user));
        // the code exchange answers this user's tokens (the resource's own stub answers alice's)
        oidc.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/auth/realms/quarkus/token")).atPriority(1)
                .withRequestBody(containing("authorization_code"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"access_token\":\"" + access
                        + "\",\"refresh_token\":\"07e08903-1263-4dd1-9fd1-4a59b0db5283\",\"id_token\":\"" + id
                        + "\",\"expires_in\":300}")));
        SignedIn session = new SignedIn();
        Response login = RestAssured.given().redirects().follow(false).get("/");
        assertEquals(302, login.statusCode(), "a page without a session goes to the login");
        session.keep(login);
        Map<String, String> query = query(URI.create(login.getHeader("Location")));
        // what Keycloak does after the person signs in: back to the console with a code
        Response back = RestAssured.given().redirects().follow(false).urlEncodingEnabled(false).cookies(session.cookies)
                .get(query.get("redirect_uri") + "?state=" + query.get("state") + "&code=test-code");
        session.keep(back);
        assertTrue(session.cookies.keySet().stream().anyMatch(name -> name.startsWith("q_session")),
                "signed in: " + back.statusCode() + " " + back.getHeaders());
        return session;
    }

    RequestSpecification request() {
        return RestAssured.given().redirects().follow(false).cookies(cookies);
    }

    /** A page, as the browser reads it; the form tokens on it are kept for the next POST. */
    Response get(String path) {
        // a redirect's Location is encoded already
        Response page = request().urlEncodingEnabled(false).get(path);
        keep(page);
        Matcher token = CSRF.matcher(page.asString());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** A form POST with the CSRF token of the page read last, and the given fields. */
    Response post(String path, String... fields) {
        RequestSpecification form = request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.formParam(fields[i], fields[i + 1]);
        }
        Response answer = form.post(path);
        keep(answer);
        return answer;
    }

    private void keep(Response response) {
        response.getCookies().forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        });
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        List<String> pairs = Arrays.asList(uri.getRawQuery().split("&"));
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
