package org.handoff.systemtests;

import io.restassured.RestAssured;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
    /** The DEMO mailbox (GreenMail's HTTP API) and SMS/webhook sink of deploy/local/demo.sh. */
    static final String MAILBOX = "http://localhost:8025";
    static final String SINK = "http://localhost:8026";
    /** The web console (deploy/local/services.sh), where every notification links to. */
    static final String CONSOLE = "http://localhost:8086";

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

    /** The mails in an address's DEMO mailbox, oldest first: {@code subject} (decoded) and {@code mimeMessage} (as received). */
    static List<Map<String, Object>> mails(String address) {
        return RestAssured.get(MAILBOX + "/api/user/" + address + "/messages/INBOX")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** What the DEMO sink received on a path ({@code /sms}, {@code /webhooks/<agency>}): {@code body} as sent, and for webhooks {@code signature}. */
    static List<Map<String, Object>> sunk(String path) {
        return RestAssured.get(SINK + path).then().statusCode(200).extract().jsonPath().getList("$");
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

    /** The 24 items of the risk checklist, in the order of the intake form. */
    private static final List<String> RISK_ITEMS = List.of("CURRENT_INJURY", "VERY_FRIGHTENED", "AFRAID_OF_FURTHER_HARM",
            "ISOLATED", "DEPRESSED_OR_SUICIDAL", "SEPARATION", "CHILD_CONTACT_CONFLICT", "STALKING_OR_HARASSMENT",
            "PREGNANCY_OR_NEW_BABY", "ABUSE_MORE_OFTEN", "ABUSE_GETTING_WORSE", "CONTROLLING_OR_JEALOUS", "WEAPON_USED",
            "THREATS_TO_KILL", "STRANGULATION", "SEXUAL_ABUSE", "THIRD_PARTY_THREAT", "HURT_OTHERS", "ANIMAL_ABUSE",
            "FINANCIAL_ISSUES", "SUBSTANCE_OR_MENTAL_HEALTH", "ABUSER_SUICIDE_THREAT", "BROKEN_BAIL_OR_ORDER",
            "CRIMINAL_HISTORY");

    /** The risk checklist's answers as JSON members: the first {@code yes} items yes, the rest no. */
    /**
     * A high-risk sexual assault reported to police with the survivor's consent for health and social
     * services: referral-service refers it to both (REST body of police-service POST /api/v1/reports).
     */
    static String policeReport() {
        Instant incident = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String answers = Stack.riskAnswers(16);
        return """
                {
                  "region": "KZ-ALA",
                  "survivor": {
                    "fullName": "Demo Survivor",
                    "phone": "+7 701 555 %s",
                    "ageYears": 31,
                    "preferredLanguage": "ru",
                    "safeContact": {"method": "PHONE_CALL", "canLeaveMessage": false,
                                    "safeFrom": "09:00:00", "safeTo": "12:00:00", "timeZone": "Asia/Almaty"}
                  },
                  "incident": {"type": "SEXUAL_ASSAULT", "occurredAt": "%s", "injuryReported": true,
                               "priorIncidentsLast12Months": 1},
                  "risk": {"answers": {%s}},
                  "consents": [
                    {"sector": "HEALTH", "dataCategories": ["CONTACT", "INCIDENT", "HEALTH"], "granted": true},
                    {"sector": "SOCIAL", "dataCategories": ["CONTACT", "INCIDENT", "RISK_ASSESSMENT"], "granted": true}
                  ],
                  "servicesRequested": ["MEDICAL_CARE", "SHELTER"]
                }
                """.formatted(String.format("%04d", (int) (Math.random() * 10000)), incident, answers);
    }

    static String riskAnswers(int yes) {
        return IntStream.range(0, RISK_ITEMS.size())
                .mapToObj(i -> "\"" + RISK_ITEMS.get(i) + "\":" + (i < yes))
                .collect(Collectors.joining(","));
    }
}
