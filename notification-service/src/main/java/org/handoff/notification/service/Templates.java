package org.handoff.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.notification.config.NotificationConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a notification's subject and text in the recipient's language from {@code notification-templates/<lang>.properties}.
 * English and Russian ship; Kazakh, Kyrgyz, Tajik and Uzbek are added as files of their own, and until
 * then their speakers get the fallback language.
 */
@ApplicationScoped
public class Templates {

    /** The languages of the region, in the order they are offered. */
    public static final List<String> LANGUAGES = List.of("en", "ru", "kk", "ky", "tg", "uz");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Map<String, Properties> bundles = new LinkedHashMap<>();
    private final String fallback;

    @jakarta.inject.Inject
    public Templates(NotificationConfig config) {
        this(config.fallbackLanguage());
    }

    public Templates(String fallbackLanguage) {
        for (String language : LANGUAGES) {
            load(language);
        }
        if (!bundles.containsKey(fallbackLanguage)) {
            throw new IllegalStateException("no templates for the fallback language " + fallbackLanguage);
        }
        this.fallback = fallbackLanguage;
    }

    public record Content(String language, String subject, String body) {
    }

    /** The languages that have templates now. */
    public List<String> available() {
        return List.copyOf(bundles.keySet());
    }

    /** The recipient's language if it has templates, else the fallback. */
    public String languageFor(String wanted) {
        return wanted != null && bundles.containsKey(wanted) ? wanted : fallback;
    }

    public Content render(NotificationFacts facts, String language, ZoneId zone) {
        String lang = languageFor(language);
        Properties bundle = bundles.get(lang);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("caseRef", facts.caseReference());
        values.put("sector", text(bundle, "sector." + facts.sector()));
        values.put("priority", facts.priority() == null ? text(bundle, "unknown") : text(bundle, "priority." + facts.priority()));
        values.put("state", facts.state() == null ? text(bundle, "unknown") : text(bundle, "state." + facts.state()));
        values.put("deadline", facts.deadline() == null ? "" : text(bundle, "deadline." + facts.deadline()));
        values.put("due", time(facts.dueAt(), zone, bundle));
        values.put("at", time(facts.changedAt(), zone, bundle));
        values.put("level", Integer.toString(facts.escalationLevel()));
        values.put("levelName", levelName(bundle, facts.escalationLevel()));
        values.put("detail", detail(bundle, facts.detail()));
        values.put("link", facts.link());
        values.put("ackLink", facts.acknowledgeUrl());
        String reason = facts.reason().name();
        return new Content(lang, fill(text(bundle, reason + ".subject"), values), fill(text(bundle, reason + ".body"), values));
    }

    private static String levelName(Properties bundle, int level) {
        String name = bundle.getProperty("level." + level);
        return name != null ? name : fill(text(bundle, "level.other"), Map.of("level", Integer.toString(level)));
    }

    private static String detail(Properties bundle, String detail) {
        if (detail == null) {
            return "";
        }
        String text = bundle.getProperty("reason." + detail, bundle.getProperty("outcome." + detail));
        return text == null ? "" : " " + text;
    }

    private static String time(Instant instant, ZoneId zone, Properties bundle) {
        return instant == null ? text(bundle, "unknown") : TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static String text(Properties bundle, String key) {
        String text = bundle.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("template key missing: " + key);
        }
        return text;
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void load(String language) {
        try (InputStream in = Templates.class.getResourceAsStream("/notification-templates/" + language + ".properties")) {
            if (in == null) {
                return;
            }
            Properties bundle = new Properties();
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            bundles.put(language, bundle);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates for " + language, e);
        }
    }
}
