package org.handoff.console.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What every page's frame needs: its language, the language switch, who is signed in, the time zone. */
public record Chrome(String lang, List<LanguageLink> languages, Me me, String zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** An instant as the pages show it, in the console's zone (named once per page, not on every line). */
    public String time(Instant at) {
        return at == null ? "" : TIME.withZone(ZoneId.of(zone)).format(at);
    }

    /** The short case reference notifications use: CASE- and the first eight hex digits of the id. */
    public String caseRef(Object caseId) {
        return caseId == null ? "" : "CASE-" + caseId.toString().substring(0, Math.min(8, caseId.toString().length())).toUpperCase(java.util.Locale.ROOT);
    }

    public record LanguageLink(String tag, String name, String href, boolean current) {
    }
}
