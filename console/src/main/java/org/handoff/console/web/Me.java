package org.handoff.console.web;

import org.handoff.console.api.Services;

import java.util.List;

/** Who is signed in, from the ID and access tokens: what the home page shows and what decides the links. */
public record Me(String user, String name, List<String> roles, String agency, String sector) {

    public static final String ADMIN = "admin";
    public static final String DUTY_OFFICER = "duty-officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String CASE_MANAGER = "case-manager";
    /**
     * The roles the sector services let act in their inbox (their handoff.sector.worker-roles: police takes
     * the first three, health and social one each); a case manager reads every sector's.
     */
    static final List<String> INBOX_WORKER_ROLES = List.of("police-officer", DUTY_OFFICER, SUPERVISOR, "health-worker",
            "social-worker");
    /** Realm roles that mean something in Handoff; Keycloak's own (offline_access, …) are not shown. */
    static final List<String> HANDOFF_ROLES = List.of(ADMIN, DUTY_OFFICER, SUPERVISOR, CASE_MANAGER,
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
        return admin() || duty() || reader();
    }

    /** A worker of a sector acts in that sector's inbox (the one their sector claim names). */
    public boolean worker() {
        return INBOX_WORKER_ROLES.stream().anyMatch(roles::contains) && sector != null && Services.SECTORS.contains(sector);
    }

    /** Coordination reads every sector's inbox, and acts in none. */
    public boolean reader() {
        return roles.contains(CASE_MANAGER);
    }

    /** Whether the console links to an inbox for this person (the sector service decides what it shows). */
    public boolean inbox() {
        return worker() || reader();
    }

    /** The sector whose inbox is this person's own, or {@code null} for one without (coordination, admin). */
    public String inboxSector() {
        return worker() ? sector : null;
    }
}
