package org.handoff.console.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.handoff.console.web.PagesTest.hides;
import static org.handoff.console.web.PagesTest.shows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the console sends the services and how it shows their answers, through its own pages as a signed-in
 * browser uses them: WireMock is the OIDC provider and, under /svc/<name>, each of the five services.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ServiceCallsTest {

    static final String HEALTH = "/auth/svc/health";
    static final Set<String> WORKER = Set.of("health-worker");
    static final Set<String> ADMIN = Set.of("admin");
    /** What the inbox view carries besides the referral: the console must not show any of it. */
    static final String SURVIVOR = "\"survivor\":{\"fullName\":\"DEMO Survivor\",\"phone\":\"+7 701 555 0100\"},"
            + "\"view\":{\"incidentType\":\"SEXUAL_ASSAULT\"},\"sectorDetails\":{\"pepHoursLeft\":67}";

    @OidcWireMock
    WireMockServer wireMock;

    static String referral(UUID id, String state, long version) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return "{\"referralId\":\"" + id + "\",\"caseId\":\"" + PagesTest.CASE + "\",\"sector\":\"HEALTH\","
                + "\"agency\":\"almaty-city-hospital-4\",\"referringSector\":\"POLICE\",\"region\":\"KZ-ALA\","
                + "\"priority\":\"EMERGENCY\",\"state\":\"" + state + "\",\"version\":" + version + ","
                + "\"requestedAt\":\"" + now.minusSeconds(60) + "\",\"receivedAt\":\"" + now.minusSeconds(59) + "\","
                + "\"deadlines\":{\"receiptDue\":\"" + now.plusSeconds(240) + "\",\"acceptanceDue\":\"" + now.plusSeconds(1740)
                + "\"},\"overdue\":false,\"restricted\":false," + SURVIVOR + "}";
    }

    static String problem(int status, String detail) {
        return "{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"refused\",\"detail\":\"" + detail + "\"}";
    }

    SignedIn worker() {
        return SignedIn.as(wireMock, "worker.health", WORKER, "almaty-city-hospital-4", "health");
    }

    SignedIn admin() {
        return SignedIn.as(wireMock, "admin.ops", ADMIN, "almaty-coordination", "coordination");
    }

    static String keyOf(String html, String action) {
        Matcher form = Pattern.compile("action=\"/inbox/[^\"]+/" + action + "\".*?name=\"idempotencyKey\" value=\"([^\"]+)\"",
                Pattern.DOTALL).matcher(html);
        assertTrue(form.find(), "the page has the " + action + " form");
        return form.group(1);
    }

    /** A page in a language, as the browser gets it, checked like PagesTest's (its forms need a request). */
    static String page(SignedIn browser, String path, String lang) {
        String html = browser.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang)
                .then().statusCode(200).extract().asString();
        return PagesTest.checked(html, lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void deadLettersListEachServiceAndTheRecordsWithTheBulkReplayForm(String lang) {
        String caseId = UUID.randomUUID().toString();
        for (String name : new String[] {"referral", "police", "health", "social", "notification"}) {
            String items = !"police".equals(name) ? "" : """
                    {"position":{"topic":"handoff.police.inbox.dlq","partition":0,"offset":7},
                     "original":{"topic":"handoff.police.inbox","partition":2,"offset":41},"eventId":"e-7",
                     "type":"org.handoff.referral.requested.v1","caseId":"%s","consumer":"sector-inbox",
                     "errorClass":"com.fasterxml.jackson.core.io.JsonEOFException","error":"payload is not a valid ReferralRequested",
                     "attempts":1,"deadLetteredAt":"2026-12-02T07:56:21Z","payload":"{}","status":"open"}""".formatted(caseId);
            wireMock.stubFor(get(urlPathEqualTo("/auth/svc/" + name + "/api/v1/admin/dead-letters")).atPriority(1)
                    .withQueryParam("caseId", equalTo(caseId))
                    .willReturn(okJson("{\"items\":[" + items + "],\"page\":0,\"size\":50,\"total\":" + ("police".equals(name) ? 1 : 0) + "}")));
        }
        String html = page(admin(), "/admin/dead-letters?caseId=" + caseId, lang);
        shows(html, "police-service", "CASE-" + caseId.substring(0, 8).toUpperCase(java.util.Locale.ROOT),
                "/admin/dead-letters/police/handoff.police.inbox.dlq/0/7", "2026-12-02 12:56:21",
                "value=\"police:handoff.police.inbox.dlq:0:7\"", "name=\"matchingAt\" value=\"police\"",
                "name=\"caseId\" value=\"" + caseId + "\"");
        hides(html, "name=\"matchingAt\" value=\"health\"");
        shows(html, lang.equals("ru")
                ? new String[] {"открыто", "Обработать выбранные", "Обработать все подходящие (1)"}
                : new String[] {"open", "Replay selected", "Replay all matching (1)"});
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void aReferralOffersOnlyWhatItsStateAllows(String lang) {
        UUID received = UUID.randomUUID();
        UUID started = UUID.randomUUID();
        wireMock.stubFor(get(urlEqualTo(HEALTH + "/api/v1/inbox/referrals/" + received)).willReturn(okJson(referral(received, "RECEIVED", 3))));
        wireMock.stubFor(get(urlEqualTo(HEALTH + "/api/v1/inbox/referrals/" + started)).willReturn(okJson(referral(started, "IN_PROGRESS", 6))));
        SignedIn browser = worker();
        String html = page(browser, "/inbox/" + received, lang);
        shows(html, "name=\"version\" value=\"3\"", "/inbox/" + received + "/accept", "/inbox/" + received + "/decline",
                "value=\"NO_CAPACITY\"");
        hides(html, "/start\"", "/complete\"", "DEMO Survivor", "555 0100", "SEXUAL_ASSAULT", "pepHoursLeft");
        shows(html, lang.equals("ru")
                ? new String[] {"Принять", "Отклонить", "Нет возможности", "Получено", "Экстренный", "осталось"}
                : new String[] {"Accept", "Decline", "No capacity", "Received", "Emergency", "left"});

        String complete = page(browser, "/inbox/" + started + "?done=start", lang);
        shows(complete, "/inbox/" + started + "/complete\"", "value=\"SERVICES_PROVIDED\"", "value=\"POST_EXPOSURE_PROPHYLAXIS\"",
                "role=\"status\"", "name=\"version\" value=\"6\"");
        hides(complete, "/accept\"", "/start\"", "/decline\"");
        shows(complete, lang.equals("ru") ? new String[] {"Вы начали оказание услуг.", "Завершить", "Постконтактная профилактика"}
                : new String[] {"You started providing services.", "Complete", "Post-exposure prophylaxis"});

        // a case manager reads every sector's inbox and acts in none
        String read = page(SignedIn.as(wireMock, "manager.case", Set.of("case-manager"), "almaty-coordination", "coordination"),
                "/inbox/" + received + "?sector=health", lang);
        hides(read, "<form method=\"post\"");
        shows(read, lang.equals("ru") ? "может только просматривать" : "Your role reads this inbox");
    }

    @Test
    void theInboxListsTheSectorsReferralsWithTheFilterAndNoSurvivorData() {
        UUID id = UUID.randomUUID();
        wireMock.stubFor(get(urlPathEqualTo(HEALTH + "/api/v1/inbox/referrals"))
                .willReturn(okJson("{\"items\":[" + referral(id, "RECEIVED", 2) + "],\"page\":0,\"size\":20,\"total\":1}")));
        SignedIn browser = worker();
        String html = browser.get("/inbox?state=RECEIVED&overdue=true&caseId=" + PagesTest.CASE).then().statusCode(200).extract().asString();
        shows(html, "Referrals to health", "CASE-3F2B8C1E", "Received", "Emergency", "almaty-city-hospital-4",
                "Acceptance", "min left", "/inbox/" + id, "href=\"/inbox\"");
        hides(html, "DEMO Survivor", "555 0100", "SEXUAL_ASSAULT", "pepHoursLeft");
        wireMock.verify(getRequestedFor(urlPathEqualTo(HEALTH + "/api/v1/inbox/referrals"))
                .withQueryParam("state", equalTo("RECEIVED")).withQueryParam("overdue", equalTo("true"))
                .withQueryParam("caseId", equalTo(PagesTest.CASE.toString()))
                .withQueryParam("page", equalTo("0")).withQueryParam("size", equalTo("20"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer ey.+")));
    }

    @Test
    void anInboxActionSendsTheVersionShownAndTheKeyTheFormWasRenderedWith() {
        UUID id = UUID.randomUUID();
        String path = HEALTH + "/api/v1/inbox/referrals/" + id;
        wireMock.stubFor(get(urlEqualTo(path)).willReturn(okJson(referral(id, "RECEIVED", 3)).withHeader("ETag", "\"3\"")));
        wireMock.stubFor(post(urlEqualTo(path + "/accept")).willReturn(okJson(referral(id, "ACCEPTED", 4))));
        wireMock.stubFor(post(urlEqualTo(path + "/decline")).willReturn(okJson(referral(id, "DECLINED", 4))));
        SignedIn browser = worker();

        String html = browser.get("/inbox/" + id).then().statusCode(200).extract().asString();
        shows(html, "CASE-3F2B8C1E: referral to health", "Received", "name=\"version\" value=\"3\"", "/inbox/" + id + "/accept",
                "/inbox/" + id + "/decline", "Outside our mandate");
        hides(html, "/inbox/" + id + "/start", "/inbox/" + id + "/complete", "DEMO Survivor", "555 0100", "SEXUAL_ASSAULT",
                "pepHoursLeft");
        String key = keyOf(html, "accept");

        // a double submit: the same form twice, the same key twice; the service makes it one acceptance
        for (int i = 0; i < 2; i++) {
            Response answer = browser.post("/inbox/" + id + "/accept", "version", "3", "idempotencyKey", key);
            assertEquals(303, answer.statusCode());
            assertTrue(answer.getHeader("Location").endsWith("/inbox/" + id + "?done=accept"), answer.getHeader("Location"));
        }
        wireMock.verify(2, postRequestedFor(urlEqualTo(path + "/accept"))
                .withHeader("If-Match", equalTo("\"3\"")).withHeader("Idempotency-Key", equalTo(key)));

        browser.get("/inbox/" + id);
        Response declined = browser.post("/inbox/" + id + "/decline", "version", "3", "idempotencyKey", keyOf(html, "decline"),
                "reason", "NO_CAPACITY", "redirectAgency", " ");
        assertEquals(303, declined.statusCode());
        wireMock.verify(postRequestedFor(urlEqualTo(path + "/decline")).withHeader("If-Match", equalTo("\"3\""))
                .withHeader("Idempotency-Key", equalTo(keyOf(html, "decline")))
                .withRequestBody(equalToJson("{\"reason\":\"NO_CAPACITY\"}")));

        String done = browser.get("/inbox/" + id + "?done=accept").asString();
        shows(done, "You accepted this referral.");
    }

    @Test
    void aReferralChangedMeanwhileIsShownAsSuchWithItsCurrentState() {
        UUID id = UUID.randomUUID();
        String path = HEALTH + "/api/v1/inbox/referrals/" + id;
        // someone else started it since: the service refuses the stale version and has it IN_PROGRESS at 5
        wireMock.stubFor(get(urlEqualTo(path)).willReturn(okJson(referral(id, "IN_PROGRESS", 5))));
        wireMock.stubFor(post(urlEqualTo(path + "/start")).willReturn(aResponse().withStatus(412)
                .withHeader("Content-Type", "application/problem+json").withBody(problem(412, "version 4 is not the current 5"))));
        SignedIn browser = worker();
        browser.get("/inbox/" + id);

        Response answer = browser.post("/inbox/" + id + "/start", "version", "4", "idempotencyKey", UUID.randomUUID().toString());
        assertEquals(303, answer.statusCode());
        String location = answer.getHeader("Location");
        assertTrue(location.endsWith("/inbox/" + id + "?problem=changed"), location);
        wireMock.verify(postRequestedFor(urlEqualTo(path + "/start")).withHeader("If-Match", equalTo("\"4\"")));

        String html = browser.get(pathOf(location)).then().statusCode(200).extract().asString();
        shows(html, "This referral changed since you opened it — here is its current state.", "In progress",
                "name=\"version\" value=\"5\"", "/inbox/" + id + "/complete", "Services provided");
        hides(html, "/inbox/" + id + "/start\"");
        String ru = browser.get(pathOf(location) + "&lang=ru").asString();
        shows(ru, "Это направление изменилось после того, как вы его открыли", "В работе");
    }

    @Test
    void aMoveTheStateDoesNotAllowAndARefusalAreMessagesNotErrors() {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String path = HEALTH + "/api/v1/inbox/referrals/" + id;
        wireMock.stubFor(get(urlEqualTo(path)).willReturn(okJson(referral(id, "COMPLETED", 7))));
        wireMock.stubFor(get(urlEqualTo(HEALTH + "/api/v1/inbox/referrals/" + other)).willReturn(okJson(referral(other, "RECEIVED", 1))));
        wireMock.stubFor(post(urlEqualTo(path + "/complete")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody(problem(409, "COMPLETED cannot move"))));
        wireMock.stubFor(post(urlEqualTo(path + "/accept")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody(problem(403, "other agency"))));
        SignedIn browser = worker();
        // the forms of a page opened before someone completed it
        browser.get("/inbox/" + other);

        Response conflict = browser.post("/inbox/" + id + "/complete", "version", "6", "idempotencyKey", "k-1",
                "outcome", "SERVICES_PROVIDED", "servicesProvided", "MEDICAL_CARE", "servicesProvided", "SHELTER");
        assertEquals(303, conflict.statusCode());
        assertTrue(conflict.getHeader("Location").endsWith("?problem=conflict"), conflict.getHeader("Location"));
        wireMock.verify(postRequestedFor(urlEqualTo(path + "/complete")).withRequestBody(
                equalToJson("{\"outcome\":\"SERVICES_PROVIDED\",\"servicesProvided\":[\"MEDICAL_CARE\",\"SHELTER\"]}", true, false)));

        Response refused = browser.post("/inbox/" + id + "/accept", "version", "6", "idempotencyKey", "k-2");
        assertEquals(303, refused.statusCode(), refused.asString());
        assertTrue(refused.getHeader("Location").endsWith("?problem=forbidden"), refused.getHeader("Location"));

        // a decline without a reason is not sent at all
        Response invalid = browser.post("/inbox/" + id + "/decline", "version", "6", "idempotencyKey", "k-3");
        assertTrue(invalid.getHeader("Location").endsWith("?problem=invalid"), invalid.getHeader("Location"));
        wireMock.verify(0, postRequestedFor(urlEqualTo(path + "/decline")));

        String html = browser.get("/inbox/" + id + "?problem=conflict").then().statusCode(200).extract().asString();
        shows(html, "Its state no longer allows that", "Completed", "Nothing is left to do in this state.");
        shows(browser.get("/inbox/" + id + "?problem=forbidden").asString(), "Your role may not do that with this referral.");
    }

    @Test
    void theDutyFeedLinksANewReferralToTheUsersOwnInbox() {
        UUID incoming = UUID.randomUUID();
        UUID feedback = UUID.randomUUID();
        String notification = """
                {"id":"%s","caseId":"%s","referralId":"%s","reason":"%s","recipientUserId":"duty.police",
                 "recipientRole":"duty-officer","recipientAgency":"almaty-police-dept-1","escalationLevel":1,"language":"en",
                 "subject":"%s","createdAt":"2026-12-02T07:55:15Z","deliveries":[]}""";
        wireMock.stubFor(get(urlPathEqualTo("/auth/svc/notification/api/v1/notifications")).willReturn(okJson(
                "{\"items\":[" + notification.formatted(UUID.randomUUID(), PagesTest.CASE, incoming, "NEW_REFERRAL",
                        "[EMERGENCY] New police referral CASE-3F2B8C1E")
                        + "," + notification.formatted(UUID.randomUUID(), PagesTest.CASE, feedback, "STATUS_FEEDBACK",
                        "Referral CASE-3F2B8C1E to health: received")
                        + "],\"page\":0,\"size\":50,\"total\":2}")));
        String html = SignedIn.as(wireMock, "duty.police", Set.of("duty-officer"), "almaty-police-dept-1", "police")
                .get("/duty/feed").then().statusCode(200).extract().asString();
        // a new referral to police is in the officer's inbox; feedback on police's referral to health is not
        shows(html, "href=\"/inbox/" + incoming + "\"", "Open in the inbox");
        hides(html, "/inbox/" + feedback);
    }

    @Test
    void theFlowsPageShowsEveryServiceAndTheOneThatDoesNotAnswer() {
        wireMock.stubFor(get(urlEqualTo("/auth/svc/referral/api/v1/admin/flows")).willReturn(okJson("""
                {"asOf":"2026-12-02T07:56:00Z",
                 "topics":[{"topic":"handoff.case-reported","partitions":3,"endOffset":120,"producedPerSecond":0.25,"deadLetters":false},
                           {"topic":"handoff.health.inbox.dlq","partitions":3,"endOffset":2,"deadLetters":true}],
                 "consumers":[{"group":"referral-service","topic":"handoff.case-reported","committed":118,"end":120,"lag":2,
                               "partitions":[{"partition":0,"committed":40,"end":41,"lag":1},{"partition":1,"end":40,"lag":1}]},
                              {"group":"health-service","topic":"handoff.health.inbox","committed":60,"end":60,"lag":0,"partitions":[]}]}""")));
        wireMock.stubFor(get(urlEqualTo("/auth/svc/referral/api/v1/admin/referrals/overview")).willReturn(okJson("""
                {"asOf":"2026-12-02T07:56:00Z","byStateAndSector":[{"state":"RECEIVED","sector":"HEALTH","count":4}],
                 "overdue":3,"escalated":2,"stuck":1}""")));
        for (String name : new String[] {"referral", "police", "social", "notification"}) {
            wireMock.stubFor(get(urlEqualTo("/auth/svc/" + name + "/api/v1/admin/outbox")).willReturn(okJson(
                    "{\"asOf\":\"2026-12-02T07:56:00Z\",\"unsent\":" + ("police".equals(name) ? 5 : 0)
                            + ("police".equals(name) ? ",\"oldestUnsentAt\":\"2026-12-02T07:55:30Z\",\"oldestUnsentAge\":\"PT30S\"" : "")
                            + "}")));
        }
        // health-service is down: its outbox and dead letters do not answer
        wireMock.stubFor(get(urlEqualTo("/auth/svc/health/api/v1/admin/outbox")).willReturn(aResponse().withStatus(503)));
        wireMock.stubFor(get(urlPathEqualTo("/auth/svc/health/api/v1/admin/dead-letters")).willReturn(aResponse().withStatus(503)));
        for (String name : new String[] {"referral", "police", "social", "notification"}) {
            wireMock.stubFor(get(urlPathEqualTo("/auth/svc/" + name + "/api/v1/admin/dead-letters"))
                    .willReturn(okJson("{\"items\":[],\"page\":0,\"size\":1,\"total\":" + ("police".equals(name) ? 2 : 0) + "}")));
        }
        SignedIn browser = admin();
        String html = browser.get("/admin/flows").then().statusCode(200).extract().asString();
        shows(html, "referral-service", "police-service", "social-service", "notification-service", "health-service",
                "did not answer: HTTP 503", "5 unsent", "oldest waiting 30 s", "2 dead letter(s)",
                "handoff.case-reported", "0.25", "p0: lag 1", "no consumer group on the broker",
                "/admin/flows/referrals/overdue", "/admin/flows/referrals/escalated", "/admin/flows/referrals/stuck",
                "<strong>3</strong>", "Received");
        String ru = browser.get("/admin/flows?lang=ru").asString();
        shows(ru, "Потоки", "не ответил: HTTP 503", "не отправлено: 5");
    }

    @Test
    void theFlowsPageRendersWhenReferralServiceIsDown() {
        var flows = wireMock.stubFor(get(urlEqualTo("/auth/svc/referral/api/v1/admin/flows")).atPriority(1)
                .willReturn(aResponse().withStatus(502)));
        var overview = wireMock.stubFor(get(urlEqualTo("/auth/svc/referral/api/v1/admin/referrals/overview")).atPriority(1)
                .willReturn(aResponse().withStatus(502)));
        try {
            String html = admin().get("/admin/flows").then().statusCode(200).extract().asString();
            shows(html, "referral-service could not be reached: HTTP 502", "police-service", "notification-service");
        } finally {
            wireMock.removeStub(flows);
            wireMock.removeStub(overview);
        }
    }

    @Test
    void aBulkReplaySendsTheTickedRecordsOrTheFilterAndTheJobPageShowsEachOutcome() {
        UUID selectedJob = UUID.randomUUID();
        UUID matchingJob = UUID.randomUUID();
        String police = "/auth/svc/police/api/v1/admin/dead-letters";
        wireMock.stubFor(post(urlEqualTo(police + "/replays"))
                .withRequestBody(equalToJson("{\"records\":[{\"topic\":\"handoff.police.inbox.dlq\",\"partition\":0,\"offset\":7}]}"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + selectedJob + "\",\"state\":\"running\",\"total\":1,\"done\":0,\"outcomes\":{},\"results\":[]}")));
        wireMock.stubFor(post(urlEqualTo(police + "/replays"))
                .withRequestBody(equalToJson("{\"filter\":{\"caseId\":\"" + PagesTest.CASE + "\"}}"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + matchingJob + "\",\"state\":\"running\",\"total\":3,\"done\":0,\"outcomes\":{},\"results\":[]}")));
        wireMock.stubFor(post(urlEqualTo("/auth/svc/health/api/v1/admin/dead-letters/replays")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/problem+json")
                .withBody(problem(400, "a replay takes at most 500 dead letters, 900 were asked for: replay them in parts"))));
        wireMock.stubFor(get(urlEqualTo(police + "/replays/" + matchingJob)).willReturn(okJson("""
                {"id":"%s","state":"finished","requestedBy":"admin.ops","startedAt":"2026-12-02T07:56:00Z",
                 "finishedAt":"2026-12-02T07:56:01Z","total":3,"done":3,
                 "outcomes":{"applied":1,"already-applied":1,"failed-again":1},
                 "results":[{"position":{"topic":"handoff.police.inbox.dlq","partition":0,"offset":5},"eventId":"e-5","outcome":"applied"},
                            {"position":{"topic":"handoff.police.inbox.dlq","partition":0,"offset":6},"eventId":"e-6","outcome":"already-applied"},
                            {"position":{"topic":"handoff.police.inbox.dlq","partition":0,"offset":7},"eventId":"e-7","outcome":"failed-again",
                             "error":"payload is not a valid ReferralRequested"}]}""".formatted(matchingJob))));
        wireMock.stubFor(get(urlEqualTo(police + "/replays/" + selectedJob)).willReturn(okJson(
                "{\"id\":\"" + selectedJob + "\",\"state\":\"running\",\"total\":1,\"done\":0,\"outcomes\":{},\"results\":[],"
                        + "\"waitingFor\":\"the database\"}")));
        wireMock.stubFor(get(urlPathEqualTo(police)).atPriority(1).withQueryParam("caseId", equalTo(PagesTest.CASE.toString()))
                .willReturn(okJson("""
                        {"items":[{"position":{"topic":"handoff.police.inbox.dlq","partition":0,"offset":7},
                                   "type":"org.handoff.referral.requested.v1","caseId":"%s","status":"open",
                                   "deadLetteredAt":"2026-12-02T07:56:21Z"}],"page":0,"size":50,"total":1}""".formatted(PagesTest.CASE))));
        SignedIn browser = admin();
        String list = browser.get("/admin/dead-letters?caseId=" + PagesTest.CASE).then().statusCode(200).extract().asString();
        shows(list, "value=\"police:handoff.police.inbox.dlq:0:7\"", "name=\"matchingAt\" value=\"police\"",
                "name=\"caseId\" value=\"" + PagesTest.CASE + "\"", "Replay selected", "Replay all matching (1)");

        Response selected = browser.post("/admin/dead-letters/replays", "mode", "selected",
                "record", "police:handoff.police.inbox.dlq:0:7");
        assertEquals(303, selected.statusCode());
        assertTrue(selected.getHeader("Location").endsWith("/admin/dead-letters/replays/police/" + selectedJob),
                selected.getHeader("Location"));
        String running = browser.get(pathOf(selected.getHeader("Location"))).then().statusCode(200).extract().asString();
        shows(running, "Replay at police-service", "running", "0 of 1 replayed", "data-running=\"true\"",
                "Paused, waiting for: the database", "/static/replay.js");

        browser.get("/admin/dead-letters?caseId=" + PagesTest.CASE);
        Response matching = browser.post("/admin/dead-letters/replays", "mode", "matching", "caseId", PagesTest.CASE.toString(),
                "matchingAt", "police", "matchingAt", "health");
        assertEquals(303, matching.statusCode());
        String location = matching.getHeader("Location");
        assertTrue(location.contains("job=police%3A" + matchingJob), location);
        String html = browser.get(pathOf(location)).then().statusCode(200).extract().asString();
        shows(html, "finished", "3 of 3 replayed", "applied: 1", "already applied: 1", "failed again: 1",
                "payload is not a valid ReferralRequested", "/admin/dead-letters/police/handoff.police.inbox.dlq/0/7",
                "data-running=\"false\"", "Not started: health-service: HTTP 400: a replay takes at most 500 dead letters");
        String ru = browser.get(pathOf(location) + "&lang=ru").asString();
        shows(ru, "завершено", "снова ошибка: 1", "уже применено: 1");

        // nothing ticked: nothing is sent
        browser.get("/admin/dead-letters?caseId=" + PagesTest.CASE);
        Response none = browser.post("/admin/dead-letters/replays", "mode", "selected");
        assertTrue(none.getHeader("Location").endsWith("/admin/dead-letters?notice=nothing-selected"), none.getHeader("Location"));
        wireMock.verify(2, postRequestedFor(urlEqualTo(police + "/replays")));
    }

    /** The path and query of a redirect's absolute Location. */
    static String pathOf(String location) {
        java.net.URI uri = java.net.URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
