package org.handoff.console.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.handoff.console.api.DeadLetters;
import org.handoff.console.api.Inbox;
import org.handoff.console.api.MonitoringApi;
import org.handoff.console.api.OutboxApi;
import org.handoff.console.api.NotificationApi;
import org.handoff.console.api.ReferralApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages render in every shipped language from what the services answer, with no expression or
 * message key left over (the browser tests then check them against the real stack).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PagesTest {

    static final UUID CASE = UUID.fromString("3f2b8c1e-1111-4222-8333-444455556666");

    static Chrome chrome(String lang, List<String> roles) {
        return chrome(lang, new Me("admin.ops", "Aigerim Admin", roles, "almaty-coordination", "coordination"));
    }

    static Chrome chrome(String lang, Me me) {
        return new Chrome(lang, List.of(new Chrome.LanguageLink("en", "English", "/?lang=en", lang.equals("en")),
                new Chrome.LanguageLink("ru", "Русский", "/?lang=ru", lang.equals("ru"))), me, "Asia/Almaty");
    }

    static final Me HEALTH_WORKER = new Me("worker.health", "Worker Health", List.of("health-worker"), "almaty-city-hospital-4",
            "health");

    static Inbox.Referral referral(String state, boolean overdue) {
        return new Inbox.Referral(UUID.fromString("7a1b2c3d-1111-4222-8333-444455556666"), CASE, "HEALTH", "almaty-city-hospital-4",
                "POLICE", "KZ-ALA", "EMERGENCY", state, 3, Instant.parse("2026-12-02T07:55:14Z"), Instant.parse("2026-12-02T07:55:15Z"),
                new Inbox.Deadlines(Instant.parse("2026-12-02T08:00:14Z"), Instant.parse("2026-12-02T08:25:14Z")), overdue, null, null,
                null, null, null, null, false);
    }

    static String render(TemplateInstance page, String lang) {
        return checked(page.setAttribute("locale", Locale.forLanguageTag(lang)).render(), lang);
    }

    /** A page in {@code lang} with every expression rendered and every message found. */
    static String checked(String html, String lang) {
        for (String leftover : List.of("{msg:", "NOT_FOUND", "{#", "{/")) {
            assertFalse(html.contains(leftover), "no unrendered expression or missing message: " + leftover);
        }
        shows(html, "<html lang=\"" + lang + "\">");
        return html;
    }

    static void shows(String html, String... texts) {
        for (String text : texts) {
            assertTrue(html.contains(text), "the page shows " + text);
        }
    }

    static void hides(String html, String... texts) {
        for (String text : texts) {
            assertFalse(html.contains(text), "the page does not show " + text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void homeNamesTheUserTheirRolesAndTheirLinks(String lang) {
        String html = render(Pages.home(chrome(lang, List.of("admin"))), lang);
        shows(html, "Aigerim Admin", "almaty-coordination", "/admin/dead-letters", "/cases");
        hides(html, "href=\"/duty\"");
        shows(html, lang.equals("ru") ? "Администратор" : "Administrator");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void aCaseShowsItsTimelineAndNotificationsOrWhyNot(String lang) {
        var step = new ReferralApi.TimelineEntry(UUID.randomUUID(), "HEALTH", "RECEIVED", "system:health-service", "system",
                "almaty-city-hospital-4", Instant.parse("2026-12-02T07:55:15Z"), 1223L);
        var notification = new NotificationApi.Notification(UUID.randomUUID(), CASE, UUID.randomUUID(), "STATUS_FEEDBACK",
                "duty.police", "duty-officer", "almaty-police-dept-1", 1, "en", "Referral CASE-3F2B8C1E to health: received",
                Instant.parse("2026-12-02T07:55:15Z"), null, null, List.of());
        String shown = render(Pages.caseFlow(chrome(lang, List.of("duty-officer")), new CaseFlow(CASE,
                CaseFlow.Part.of(List.of(step)), CaseFlow.Part.of(List.of(notification)), null, null, List.of())), lang);
        shows(shown, "CASE-3F2B8C1E", "RECEIVED", "1223 ms", "Referral CASE-3F2B8C1E to health: received");
        hides(shown, "id=\"events\"");

        String refused = render(Pages.caseFlow(chrome(lang, List.of("duty-officer")), new CaseFlow(CASE,
                new CaseFlow.Part<>(null, true, null), CaseFlow.Part.of(List.of()), null, null, List.of())), lang);
        shows(refused, lang.equals("ru") ? "не показывает ход этого дела" : "does not show this case");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void anAdministratorSeesTheCaseEventsHopByHopAndWhichServiceDidNotAnswer(String lang) {
        var event = new EventFlow.Event("e-1", "org.handoff.case-reported.v1", "handoff.case-reported", "police",
                Instant.parse("2026-12-02T07:55:14Z"), Instant.parse("2026-12-02T07:55:14.020Z"), 20L,
                List.of(new EventFlow.Hop("referral", "case-reported", Instant.parse("2026-12-02T07:55:14.200Z"), 200L)));
        String html = render(Pages.caseFlow(chrome(lang, List.of("admin")), new CaseFlow(CASE,
                new CaseFlow.Part<>(null, true, null), CaseFlow.Part.of(List.of()), CaseFlow.Part.of(List.of(event)),
                CaseFlow.Part.of(List.of()), List.of(new DeadLetterListing.ServiceTotal("health", 0, "HTTP 503")))), lang);
        shows(html, "org.handoff.case-reported.v1", "police-service", "referral-service · case-reported", "200", "20",
                "health-service", "HTTP 503");
        hides(html, lang.equals("ru") ? "не показывает ход этого дела" : "does not show this case");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void aWorkersHomeAndNavigationLinkTheirInbox(String lang) {
        String html = render(Pages.home(chrome(lang, HEALTH_WORKER)), lang);
        shows(html, "href=\"/inbox\"", lang.equals("ru") ? "Входящие направления" : "Inbox");
        hides(html, "/admin/flows", "href=\"/duty\"");
        shows(render(Pages.home(chrome(lang, List.of("admin"))), lang), "href=\"/admin/flows\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void theInboxListsStatesPrioritiesAgenciesAndDeadlines(String lang) {
        Instant now = Instant.parse("2026-12-02T08:10:00Z");
        var late = referral("RECEIVED", true);
        var listing = new InboxListing("health", List.of("health"), new InboxListing.Filter("RECEIVED", true, null, false),
                List.of(new InboxListing.Row(late, Due.of(late, now))), 0, 20, 21);
        String html = render(Pages.inbox(chrome(lang, HEALTH_WORKER), listing), lang);
        shows(html, "CASE-3F2B8C1E", "almaty-city-hospital-4", "/inbox/7a1b2c3d-1111-4222-8333-444455556666",
                "2026-12-02 13:25:14", "/inbox?page=1&amp;state=RECEIVED&amp;overdue=true", "checked");
        shows(html, lang.equals("ru")
                ? new String[] {"Направления в сектор health", "Получено", "Экстренный", "осталось 15 мин", "Просрочено"}
                : new String[] {"Referrals to health", "Received", "Emergency", "15 min left", "Overdue"});
        hides(html, "name=\"sector\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void theFlowBoardShowsEachServiceAndWhichDidNotAnswer(String lang) {
        var lag = new MonitoringApi.GroupLag("police-service", "handoff.police.inbox", 10, 12, 2,
                List.of(new MonitoringApi.PartitionLag(0, 10L, 12, 2)));
        var flows = new MonitoringApi.Flows(Instant.parse("2026-12-02T07:56:00Z"),
                List.of(new MonitoringApi.Topic("handoff.police.inbox", 3, 12, 0.5, false)), List.of(lag));
        var overview = new MonitoringApi.Overview(Instant.parse("2026-12-02T07:56:00Z"),
                List.of(new MonitoringApi.StateCount("ACCEPTED", "HEALTH", 9)), 4, 1, 0);
        var board = new FlowBoard(CaseFlow.Part.of(flows), CaseFlow.Part.of(overview), List.of(
                new FlowBoard.ServiceRow("police", "police-service", List.of(lag),
                        new OutboxApi.Backlog(Instant.now(), 3, Instant.now(), Duration.ofSeconds(12)), null,
                        new DeadLetterListing.ServiceTotal("police", 1, null)),
                new FlowBoard.ServiceRow("health", "health-service", List.of(), null, "HTTP 503",
                        new DeadLetterListing.ServiceTotal("health", 0, "HTTP 503"))));
        String html = render(Pages.flows(chrome(lang, List.of("admin")), board), lang);
        shows(html, "police-service", "health-service", "HTTP 503", "handoff.police.inbox", "0.50", "/admin/flows/referrals/overdue");
        shows(html, lang.equals("ru")
                ? new String[] {"не отправлено: 3", "самое старое ждёт 12 с", "не ответил", "Просроченные", "p0: отставание 2"}
                : new String[] {"3 unsent", "oldest waiting 12 s", "did not answer", "Overdue", "p0: lag 2"});
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void theReferralsNeedingAttentionAreListedOldestFirst(String lang) {
        var item = new MonitoringApi.AttentionItem(UUID.randomUUID(), CASE, "REQUESTED", "HEALTH", "almaty-city-hospital-4",
                "POLICE", "almaty-police-dept-1", "EMERGENCY", Instant.parse("2026-12-02T07:00:00Z"), Duration.ofMinutes(95),
                "RECEIPT", Instant.parse("2026-12-02T07:05:00Z"), Duration.ofMinutes(90), 2, Instant.parse("2026-12-02T07:00:00Z"));
        String html = render(Pages.attention(chrome(lang, List.of("admin")),
                "stuck", new MonitoringApi.AttentionPage(List.of(item), 0, 50, 1)), lang);
        shows(html, "CASE-3F2B8C1E", "almaty-police-dept-1", "/cases/" + CASE);
        shows(html, lang.equals("ru")
                ? new String[] {"Зависшие направления", "1 ч 30 мин", "1 ч 35 мин", "Получение"}
                : new String[] {"Stuck referrals", "1 h 30 min", "1 h 35 min", "Receipt"});
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void aBulkReplayShowsEachRecordsOutcome(String lang) {
        UUID id = UUID.randomUUID();
        var job = new DeadLetters.ReplayJob(id, "running", "admin.ops", Instant.parse("2026-12-02T07:56:00Z"), null, 3, 2,
                Map.of("applied", 1, "failed-again", 1), null, List.of(
                new DeadLetters.ReplayResult(new DeadLetters.Position("handoff.police.inbox.dlq", 0, 5L), "e-5", "applied", null),
                new DeadLetters.ReplayResult(new DeadLetters.Position("handoff.police.inbox.dlq", 0, 6L), "e-6", "failed-again",
                        "payload is not a valid ReferralRequested")));
        String html = render(Pages.replayJobs(chrome(lang, List.of("admin")), new ReplayProgress(
                List.of(new BulkReplay.Job("police", id, job, null), new BulkReplay.Job("health", UUID.randomUUID(), null, "not-found")),
                List.of("social-service: HTTP 400"))), lang);
        shows(html, "police-service", "payload is not a valid ReferralRequested", "data-running=\"true\"",
                "/admin/dead-letters/replays/progress?job=police:" + id, "HTTP 400");
        shows(html, lang.equals("ru")
                ? new String[] {"выполняется", "обработано 2 из 3", "снова ошибка", "применено: 1", "не знает"}
                : new String[] {"running", "2 of 3 replayed", "failed again", "applied: 1", "not known to the service"});
    }
}
