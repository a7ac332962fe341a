package org.handoff.console.web;

import java.util.List;

/** Who is signed in, from the ID and access tokens: what the home page shows and what decides the links. */
public record Me(String user, String name, List<String> roles, String agency, String sector) {

    public static final String ADMIN = "admin";
    public static final String DUTY_OFFICER = "duty-officer";
    public static final String SUPERVISOR = "supervisor";
    /** Realm roles that mean something in Handoff; Keycloak's own (offline_access, …) are not shown. */
    static final List<String> HANDOFF_ROLES = List.of(ADMIN, DUTY_OFFICER, SUPERVISOR, "case-manager",
            "police-officer", "health-worker", "social-worker");

    public boolean admin() {
        return roles.contains(ADMIN);
    }

    /** Duty officers and supervisors see and acknowledge their agency's notifications. */
    public boolean duty() {
        return roles.contains(DUTY_OFFICER) || roles.contains(SUPERVISOR);
    }

    /** referral-service shows a case's timeline to these roles (and the console links to it from the feed). */
    public boolean seesCases() {
        return admin() || duty() || roles.contains("case-manager");
    }
}
