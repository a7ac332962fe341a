package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Who did something: a user (Keycloak subject) or a system account, with its realm role and agency.
 * Emitted inside every event that records an action; consumed by timelines, audit and notifications.
 *
 * @param userId Keycloak user id, client id of an agency system, or {@code system:<service>}
 * @param role   realm role acted under, e.g. {@code health-worker}, {@code duty-officer}, {@code system}
 * @param agency agency id (the token's {@code agency} claim)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Actor(String userId, String role, String agency) {

    public Actor {
        Checks.requiredText(userId, "userId");
        Checks.requiredText(role, "role");
        Checks.requiredText(agency, "agency");
    }

    /** The actor for an automatic step taken by a service, e.g. a system receipt. */
    public static Actor system(String service, String agency) {
        return new Actor("system:" + service, "system", agency);
    }
}
