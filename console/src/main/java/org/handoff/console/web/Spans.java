package org.handoff.console.web;

import io.quarkus.qute.TemplateExtension;

import java.time.Duration;
import java.util.Locale;

/** How the pages write lengths of time and rates (the units are in the messages: {@code msg:span}). */
public final class Spans {

    private Spans() {
    }

    /** Whole days, hours and minutes of a length of time, for {@code msg:span(days, hours, minutes)}. */
    public record Span(long days, long hours, long minutes) {

        static Span of(long totalMinutes) {
            return new Span(totalMinutes / (24 * 60), totalMinutes / 60 % 24, totalMinutes % 60);
        }
    }

    /** {@code {item.age.span}} in a template. */
    @TemplateExtension
    public static Span span(Duration duration) {
        return Span.of(duration == null ? 0 : duration.abs().toMinutes());
    }

    /** A rate per second, two decimals whatever the page's language (it sits beside offsets and counts). */
    @TemplateExtension
    public static String perSecond(Double rate) {
        return rate == null ? "" : String.format(Locale.ROOT, "%.2f", rate);
    }
}
