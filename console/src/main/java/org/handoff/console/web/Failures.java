package org.handoff.console.web;

import jakarta.ws.rs.WebApplicationException;

/** How a page names a service call that failed: the status it answered, or why it could not be reached. */
final class Failures {

    private Failures() {
    }

    static boolean forbidden(Throwable failure) {
        return status(failure) == 403;
    }

    static int status(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null ? web.getResponse().getStatus() : 0;
    }

    static String describe(Throwable failure) {
        int status = status(failure);
        if (status > 0) {
            return "HTTP " + status;
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
