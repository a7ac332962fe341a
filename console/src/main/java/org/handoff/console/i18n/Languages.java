package org.handoff.console.i18n;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The languages the console speaks: English (the message bundle's own texts) and every language with a
 * {@code messages/msg_<tag>.properties} file. Adding Kazakh, Kyrgyz, Tajik or Uzbek is adding that file:
 * it is found here and offered in the language switch.
 */
@ApplicationScoped
public class Languages {

    public static final String DEFAULT = "en";

    /** The region's languages, in the order the switch shows them, with their names in themselves. */
    static final Map<String, String> NATIVE_NAMES = Map.of(
            "en", "English", "ru", "Русский", "kk", "Қазақ тілі", "ky", "Кыргызча", "tg", "Тоҷикӣ", "uz", "Oʻzbekcha");
    private static final List<String> ORDER = List.of("en", "ru", "kk", "ky", "tg", "uz");

    private final List<String> available;

    public Languages() {
        this(Languages::shipped);
    }

    Languages(java.util.function.Predicate<String> shipped) {
        List<String> found = new ArrayList<>();
        for (String tag : ORDER) {
            if (tag.equals(DEFAULT) || shipped.test(tag)) {
                found.add(tag);
            }
        }
        this.available = List.copyOf(found);
    }

    private static boolean shipped(String tag) {
        return Thread.currentThread().getContextClassLoader().getResource("messages/msg_" + tag + ".properties") != null;
    }

    public List<String> available() {
        return available;
    }

    public String nativeName(String tag) {
        return NATIVE_NAMES.getOrDefault(tag, tag);
    }

    /**
     * The language of a page: the one asked for with {@code ?lang=}, else the one remembered in the cookie,
     * else the browser's best match from Accept-Language, else English. Unknown tags are ignored.
     */
    public String choose(String requested, String remembered, String acceptLanguage) {
        if (requested != null && available.contains(requested)) {
            return requested;
        }
        if (remembered != null && available.contains(remembered)) {
            return remembered;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), available);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header gets the default, like a missing one
            }
        }
        return DEFAULT;
    }
}
