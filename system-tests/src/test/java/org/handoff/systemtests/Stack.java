package org.handoff.systemtests;

import io.restassured.RestAssured;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Where the local stack (deploy/local/start.sh) listens, and how to get real tokens from its Keycloak. */
final class Stack {

    static final Map<String, Integer> SERVICES = Map.of(
            "referral-service", 8081,
            "police-service", 8082,
            "health-service", 8083,
            "social-service", 8084,
            "notification-service", 8085);

    static final String KEYCLOAK = System.getProperty("handoff.keycloak", "http://localhost:8180");
    static final String TOKEN_URL = KEYCLOAK + "/realms/handoff/protocol/openid-connect/token";

    private Stack() {
    }

    static String url(String service) {
        return "http://localhost:" + SERVICES.get(service);
    }

    /** Password grant for a demo user (demo credentials: username + "-demo", see deploy/keycloak/README.md). */
    static String userToken(String username) {
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "handoff-console")
                .formParam("username", username)
                .formParam("password", username + "-demo")
                .post(TOKEN_URL)
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** Client-credentials grant for an agency system's confidential client; its secret was generated locally. */
    static String clientToken(String clientId, String secretName) {
        return RestAssured.given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret(secretName))
                .post(TOKEN_URL)
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** A value generated into deploy/local/var/secrets.env for this machine. */
    static String secret(String name) {
        String file = System.getenv("HANDOFF_SECRETS_FILE");
        Properties secrets = new Properties();
        try (var reader = Files.newBufferedReader(Path.of(file))) {
            secrets.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("local secrets not readable at " + file + "; start the stack first", e);
        }
        return secrets.getProperty(name);
    }
}
