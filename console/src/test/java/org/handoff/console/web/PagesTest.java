package org.handoff.console.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.handoff.console.api.DeadLetters;
import org.handoff.console.api.NotificationApi;
import org.handoff.console.api.ReferralApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
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
        return new Chrome(lang, List.of(new Chrome.LanguageLink("en", "English", "/?lang=en", lang.equals("en")),
                new Chrome.LanguageLink("ru", "Русский", "/?lang=ru", lang.equals("ru"))),
                new Me("admin.ops", "Aigerim Admin", roles, "almaty-coordination", "coordination"), "Asia/Almaty");
    }

    static String render(TemplateInstance page, String lang) {
        String html = page.setAttribute("locale", Locale.forLanguageTag(lang)).render();
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
    void deadLettersListEachServiceAndTheRecords(String lang) {
        var letter = new DeadLetters.DeadLetter(new DeadLetters.Position("handoff.police.inbox.dlq", 0, 7L),
                new DeadLetters.Position("handoff.police.inbox", 2, 41L), UUID.randomUUID().toString(),
                "org.handoff.referral.requested.v1", CASE.toString(), CASE.toString(), "sector-inbox",
                "com.fasterxml.jackson.core.io.JsonEOFException", "payload is not a valid ReferralRequested", 1,
                Instant.parse("2026-12-02T07:56:21Z"), "{}", "open", null);
        var listing = new DeadLetterListing(new DeadLetterListing.Filter(null, null, null, null, null, null),
                List.of("referral", "police"), List.of(new DeadLetterListing.Row("police", letter)),
                List.of(new DeadLetterListing.ServiceTotal("referral", 0, null), new DeadLetterListing.ServiceTotal("police", 1, null)));
        String html = render(Pages.deadLetters(chrome(lang, List.of("admin")), listing), lang);
        shows(html, "police-service", "CASE-3F2B8C1E", "/admin/dead-letters/police/handoff.police.inbox.dlq/0/7",
                "2026-12-02 12:56:21");
        shows(html, lang.equals("ru") ? "открыто" : "open");
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
}
