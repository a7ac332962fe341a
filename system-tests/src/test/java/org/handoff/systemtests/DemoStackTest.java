package org.handoff.systemtests;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a newcomer sees on the stack start.sh brings up (README "Run it"): the example report, posted by the
 * police agency system, reaches the DEMO duty officers demo.sh put on the rosters. The hospital's duty
 * officer finds the new referral in the DEMO mailbox; the police duty officer {@code duty.police} finds
 * "received" for both handoffs in the mailbox and on the console's live feed; SMS and the police system's
 * signed webhook arrive at the sink. None of it says anything about the survivor.
 */
class DemoStackTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A mailbox holds every mail of the stack's life: reading it is not free. */
    private static final Duration POLL = Duration.ofMillis(500);
    /** Seeded from deploy/local/demo-rosters.json: level 1 of each recipient's and the referrer's roster. */
    private static final String HEALTH_DUTY_MAIL = "demo.duty.health@handoff.example";
    private static final String POLICE_DUTY_MAIL = "duty.police@handoff.example";
    private static final String POLICE_DUTY_PHONE = "+77010000101";

    @Test
    void aPoliceSystemReportReachesTheDemoDutyOfficersByMailFeedSmsAndWebhookWithoutSurvivorData() throws Exception {
        Feed feed = Feed.open(Stack.userToken("duty.police"));
        try {
            Survivor survivor = Survivor.random();
            Response created = given().auth().oauth2(Stack.clientToken("police-system", "POLICE_SYSTEM_CLIENT_SECRET"))
                    .contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(report(survivor))
                    .post(Stack.url("police-service") + "/api/v1/reports");
            assertEquals(201, created.statusCode(), created.asString());
            String caseId = created.jsonPath().getString("caseId");
            assertNotNull(caseId);
            String caseRef = "CASE-" + caseId.substring(0, 8).toUpperCase();

            // the hospital's duty officer: the new referral, with what they need to act and nothing else
            Map<String, Object> newReferral = await("new-referral mail to " + HEALTH_DUTY_MAIL).atMost(PATIENCE).pollInterval(POLL)
                    .until(() -> about(caseRef, Stack.mails(HEALTH_DUTY_MAIL)), mails -> mails.size() == 1).get(0);
            assertEquals("[EMERGENCY] New health referral " + caseRef, newReferral.get("subject"));
            String mail = (String) newReferral.get("mimeMessage");
            assertTrue(mail.contains("\nTo: " + HEALTH_DUTY_MAIL), mail);
            assertTrue(mail.contains("Case: " + caseRef), mail);
            assertTrue(mail.contains("Priority: EMERGENCY"), mail);
            assertTrue(mail.contains("(Asia/Almaty)"), "the deadline in the roster's time zone: " + mail);
            assertTrue(mail.contains("Open the referral: " + Stack.CONSOLE + "/cases/" + caseId + "/referrals/"), mail);
            assertTrue(mail.contains("Acknowledge this notification: http://localhost:8085/api/v1/acknowledgements/"), mail);

            // the referring agency's duty officer: both handoffs received, by mail and on the live feed
            Set<String> feedback = Set.of(caseRef + " to health: received", caseRef + " to social services: received")
                    .stream().map(s -> "Referral " + s).collect(Collectors.toSet());
            List<Map<String, Object>> policeMails = await("feedback mails to " + POLICE_DUTY_MAIL).atMost(PATIENCE).pollInterval(POLL)
                    .until(() -> about(caseRef, Stack.mails(POLICE_DUTY_MAIL)), mails -> mails.size() == 2);
            assertEquals(feedback, policeMails.stream().map(m -> (String) m.get("subject")).collect(Collectors.toSet()));
            List<JsonPath> live = await("duty.police's console feed").atMost(PATIENCE).pollInterval(POLL)
                    .until(() -> feed.about(caseId), messages -> messages.size() == 2);
            assertEquals(feedback, live.stream().map(m -> m.getString("subject")).collect(Collectors.toSet()));
            assertTrue(live.stream().allMatch(m -> "STATUS_FEEDBACK".equals(m.getString("reason"))
                    && m.get("backlog") == null), "live, not from the backlog");

            // SMS to the duty officer's phone; the police system's webhook, its signature checked by the sink
            List<Map<String, Object>> sms = await("SMS to " + POLICE_DUTY_PHONE).atMost(PATIENCE).pollInterval(POLL)
                    .until(() -> bodiesAbout(caseRef, Stack.sunk("/sms")).stream()
                            .filter(b -> POLICE_DUTY_PHONE.equals(b.get("to"))).toList(), found -> found.size() == 2);
            assertTrue(sms.stream().allMatch(b -> ((String) b.get("text")).contains("/api/v1/acknowledgements/")), sms.toString());
            List<Map<String, Object>> hooks = await("webhooks to almaty-police-dept-1").atMost(PATIENCE).pollInterval(POLL)
                    .until(() -> about(caseRef, Stack.sunk("/webhooks/almaty-police-dept-1")), found -> found.size() == 2);
            assertTrue(hooks.stream().allMatch(h -> "valid".equals(h.get("signature"))), hooks.toString());

            String everything = Stream.of(List.of(newReferral), policeMails, hooks, sms).flatMap(List::stream)
                    .map(Object::toString).collect(Collectors.joining("\n"))
                    + live.stream().map(JsonPath::prettify).collect(Collectors.joining("\n"));
            survivor.assertNotIn(everything);
        } finally {
            feed.close();
        }
    }

    /** The records (mails, sink entries) that mention the case reference. */
    private static List<Map<String, Object>> about(String caseRef, List<Map<String, Object>> records) {
        return records.stream().filter(r -> r.values().stream().anyMatch(v -> String.valueOf(v).contains(caseRef))).toList();
    }

    private static List<Map<String, Object>> bodiesAbout(String caseRef, List<Map<String, Object>> records) {
        return about(caseRef, records).stream().map(r -> JsonPath.from((String) r.get("body")).<String, Object>getMap("$")).toList();
    }

    /** The survivor's identity, different each run, so finding any of it in a message can only be a leak. */
    private record Survivor(String fullName, String phone, String nationalId, String address) {

        static Survivor random() {
            int n = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
            return new Survivor("Aruzhan Demo-" + n, "+7 701 5" + n, "DEMO" + n + "77", n + " Demo Street, Almaty");
        }

        void assertNotIn(String text) {
            for (String pii : List.of(fullName, nationalId, address, phone, phone.replace(" ", ""))) {
                assertFalse(text.contains(pii), "survivor data '" + pii + "' in a notification:\n" + text);
            }
        }
    }

    /** The report of the README's example, with this run's survivor. */
    private static String report(Survivor s) {
        Instant incident = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return """
                {
                  "region": "KZ-ALA",
                  "survivor": {"fullName": "%s", "phone": "%s", "nationalId": "%s", "address": "%s",
                               "ageYears": 31, "preferredLanguage": "ru",
                               "safeContact": {"method": "PHONE_CALL", "canLeaveMessage": false, "safeFrom": "09:00:00",
                                               "safeTo": "12:00:00", "timeZone": "Asia/Almaty"}},
                  "incident": {"type": "SEXUAL_ASSAULT", "occurredAt": "%s", "injuryReported": true,
                               "priorIncidentsLast12Months": 1},
                  "consents": [{"sector": "HEALTH", "dataCategories": ["CONTACT", "INCIDENT", "HEALTH"], "granted": true},
                               {"sector": "SOCIAL", "dataCategories": ["CONTACT", "INCIDENT"], "granted": true}],
                  "servicesRequested": ["MEDICAL_CARE", "SHELTER"]
                }
                """.formatted(s.fullName(), s.phone(), s.nationalId(), s.address(), incident);
    }

    /** The duty console's live feed as a browser holds it: a WebSocket with the user's bearer token on the upgrade. */
    private static final class Feed implements WebSocket.Listener {

        private final ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Feed open(String token) {
            Feed feed = new Feed();
            feed.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(Stack.url("notification-service").replace("http:", "ws:") + "/api/v1/console/feed"), feed)
                    .join();
            return feed;
        }

        List<JsonPath> about(String caseId) {
            return messages.stream().map(JsonPath::from).filter(m -> caseId.equals(m.getString("caseId"))).toList();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            synchronized (partial) {
                partial.append(data);
                if (last) {
                    messages.add(partial.toString());
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "test done").join();
        }
    }
}
