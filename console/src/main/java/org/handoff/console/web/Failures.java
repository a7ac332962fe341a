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

    /**
     * The status and the problem+json {@code detail} a service answered with (handoff-plumbing's problems say
     * what was wrong with the request, never whose data it was), or {@link #describe} when there is none.
     */
    static String detail(Throwable failure) {
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            try {
                String body = web.getResponse().readEntity(String.class);
                String detail = body == null || body.isBlank() ? null : new io.vertx.core.json.JsonObject(body).getString("detail");
                if (detail != null && !detail.isBlank()) {
                    return describe(failure) + ": " + detail;
                }
            } catch (RuntimeException unreadable) {
                // no body, or not problem+json: the status alone
            }
        }
        return describe(failure);
    }
}
