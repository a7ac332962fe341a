package org.handoff.notification.service;

import org.handoff.events.DeadlineKind;
import org.handoff.events.NotificationReason;
import org.handoff.events.Priority;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplatesTest {

    private final Templates templates = new Templates("en");
    private static final UUID CASE = UUID.fromString("3f2b8c1e-7a4d-4e9b-9c2a-5d6e7f8a9b0c");

    private static NotificationFacts facts(NotificationReason reason, int level) {
        return new NotificationFacts(UUID.randomUUID(), CASE, NotificationFacts.caseReference(CASE), UUID.randomUUID(),
                reason, Sector.HEALTH, Priority.EMERGENCY, ReferralState.RECEIVED, DeadlineKind.ACCEPTANCE,
                Instant.parse("2026-03-02T08:40:00Z"), Instant.parse("2026-03-02T08:10:00Z"), "NO_CAPACITY", level,
                "https://console.example/cases/x", "https://notify.example/ack/tok");
    }

    @Test
    void everyReasonRendersInEveryShippedLanguageWithNoPlaceholderLeft() {
        for (String language : templates.available()) {
            for (NotificationReason reason : NotificationReason.values()) {
                for (int level = 1; level <= 4; level++) {
                    Templates.Content content = templates.render(facts(reason, level), language, ZoneId.of("Asia/Bishkek"));
                    String all = content.subject() + "\n" + content.body();
                    assertFalse(all.matches("(?s).*\\{[a-zA-Z]+}.*"), language + " " + reason + ": " + all);
                    assertTrue(all.contains("CASE-3F2B8C1E"), all);
                    assertTrue(content.body().contains("https://notify.example/ack/tok"), all);
                }
            }
        }
    }

    @Test
    void russianRecipientsGetRussianWithTimesInTheRostersZone() {
        Templates.Content content = templates.render(facts(NotificationReason.NEW_REFERRAL, 1), "ru", ZoneId.of("Asia/Bishkek"));
        assertEquals("ru", content.language());
        assertEquals("[ЭКСТРЕННЫЙ] Новое направление (здравоохранение) CASE-3F2B8C1E", content.subject());
        assertTrue(content.body().contains("2026-03-02 14:40 (Asia/Bishkek)"), content.body());
    }

    @Test
    void languagesWithoutTemplatesYetFallBack() {
        assertEquals(java.util.List.of("en", "ru"), templates.available());
        assertEquals("en", templates.render(facts(NotificationReason.ESCALATION, 2), "uz", ZoneId.of("Asia/Tashkent")).language());
        assertEquals("en", templates.languageFor(null));
    }

    @Test
    void russianHasEveryKeyEnglishHas() throws Exception {
        Properties en = load("en");
        Properties ru = load("ru");
        assertEquals(en.stringPropertyNames(), ru.stringPropertyNames());
    }

    private static Properties load(String language) throws Exception {
        Properties p = new Properties();
        try (var in = TemplatesTest.class.getResourceAsStream("/notification-templates/" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
