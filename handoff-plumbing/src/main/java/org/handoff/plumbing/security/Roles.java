package org.handoff.plumbing.security;

/** Realm roles of the handoff realm (deploy/keycloak); one place so every service spells them alike. */
public final class Roles {

    public static final String POLICE_OFFICER = "police-officer";
    public static final String HEALTH_WORKER = "health-worker";
    public static final String SOCIAL_WORKER = "social-worker";
    public static final String CASE_MANAGER = "case-manager";
    public static final String DUTY_OFFICER = "duty-officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
