package org.handoff.inbox.rest;

import org.handoff.plumbing.problem.ProblemException;

/** ETag = the row version; officers send it back in If-Match so nobody acts on a stale screen. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** @return the version the caller last read; 428 without If-Match, 412 for an ETag that is no version of ours */
    public static long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(428, "if-match-required", "If-Match required",
                    "send the ETag you last read in If-Match, so a change made meanwhile is not overwritten");
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed("If-Match " + header + " matches no version of this resource");
        }
    }
}
