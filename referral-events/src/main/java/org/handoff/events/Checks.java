package org.handoff.events;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation used by the compact constructors, so that a record which exists is a valid event.
 * The patterns mirror {@code schemas/common.schema.json} ({@code CommonSchemaTest} keeps them in sync).
 */
final class Checks {

    /** ISO 3166-2 code, optionally extended by finer hyphenated parts: {@code KG-GB}, {@code KG-GB-PERV}. */
    static final Pattern REGION = Pattern.compile("^[A-Z]{2}(-[A-Z0-9]{1,10})*$");
    /** Pseudonymous survivor reference: no names, no identifiers. */
    static final Pattern SURVIVOR_REF = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$");
    /** Lower-case hex HMAC-SHA256. */
    static final Pattern MATCH_KEY_HASH = Pattern.compile("^[0-9a-f]{64}$");
    /** BCP 47 language tag (simplified). */
    static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

    static final int MAX_TEXT = 255;
    static final int MAX_REASON = 500;

    private Checks() {
    }

    static <T> T required(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " is required");
        }
        return value;
    }

    static String requiredText(String value, String name) {
        required(value, name);
        return text(value, name, MAX_TEXT);
    }

    static String optionalText(String value, String name) {
        return value == null ? null : text(value, name, MAX_TEXT);
    }

    static String text(String value, String name, int maxLength) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    static String matches(String value, Pattern pattern, String name) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " does not match " + pattern.pattern() + ": " + value);
        }
        return value;
    }

    static Integer atLeast(Integer value, int min, String name) {
        if (value != null && value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    static Long atLeast(Long value, long min, String name) {
        if (value != null && value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Immutable enum set in declaration order (stable JSON); null becomes empty, null elements are rejected. */
    static <E extends Enum<E>> Set<E> enumSet(Class<E> type, Collection<E> values, String name) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (values != null) {
            for (E value : values) {
                set.add(required(value, name + " element"));
            }
        }
        return Collections.unmodifiableSet(set);
    }

    static <E extends Enum<E>> Set<E> nonEmptyEnumSet(Class<E> type, Collection<E> values, String name) {
        Set<E> set = enumSet(type, required(values, name), name);
        check(!set.isEmpty(), name + " must not be empty");
        return set;
    }

    /** Immutable list; null becomes empty, null elements are rejected. */
    static <T> List<T> list(List<T> values, String name) {
        if (values == null) {
            return List.of();
        }
        for (T value : values) {
            required(value, name + " element");
        }
        return List.copyOf(values);
    }

    /** Immutable enum map in declaration order; null keys and values are rejected. */
    static <K extends Enum<K>, V> Map<K, V> enumMap(Class<K> type, Map<K, V> values, String name) {
        EnumMap<K, V> map = new EnumMap<>(type);
        if (values != null) {
            values.forEach((k, v) -> map.put(required(k, name + " key"), required(v, name + " value")));
        }
        return Collections.unmodifiableMap(map);
    }
}
