package org.handoff.inbox.rest;

import org.handoff.plumbing.problem.ProblemException;

import java.util.Arrays;
import java.util.Locale;

/** Query parameters read by hand, so a bad value is a 400 that names it rather than JAX-RS's bare 404. */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
