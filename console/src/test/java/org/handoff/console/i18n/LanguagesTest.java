package org.handoff.console.i18n;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguagesTest {

    final Languages shipped = new Languages(Set.of("ru")::contains);

    @Test
    void englishAndEveryShippedFileAreOffered() {
        assertEquals(List.of("en", "ru"), shipped.available());
        assertEquals(List.of("en", "ru", "kk"), new Languages(Set.of("ru", "kk")::contains).available());
        assertTrue(new Languages().available().containsAll(List.of("en", "ru")), "the files on the classpath");
    }

    @Test
    void theLanguageAskedForWinsThenTheRememberedThenTheBrowsers() {
        assertEquals("ru", shipped.choose("ru", "en", "en-GB"));
        assertEquals("ru", shipped.choose(null, "ru", "en-GB"));
        assertEquals("ru", shipped.choose(null, null, "ru-RU,ru;q=0.9,en;q=0.8"));
        assertEquals("ru", shipped.choose(null, null, "kk-KZ,ru;q=0.8,en;q=0.5"), "Kazakh not shipped yet: the next best");
        assertEquals("en", shipped.choose(null, null, "de-DE"));
    }

    @Test
    void unknownOrMalformedChoicesFallBackToEnglish() {
        assertEquals("en", shipped.choose("xx", "<script>", null));
        assertEquals("en", shipped.choose(null, null, ";;;q=oops"));
        assertEquals("en", shipped.choose(null, null, ""));
    }
}
