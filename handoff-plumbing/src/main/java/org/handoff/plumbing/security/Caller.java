package org.handoff.plumbing.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling: the verified token's user, roles and the agency and sector claims the realm adds.
 * Authorization and the audit log read these, never request parameters.
 */
@RequestScoped
public class Caller {

    public static final String AGENCY_CLAIM = "agency";
    public static final String SECTOR_CLAIM = "sector";

    /** A caller holding several roles acts under the first of these they hold. */
    private static final java.util.List<String> PRIMARY_ROLE_ORDER = java.util.List.of(Roles.CASE_MANAGER,
            Roles.POLICE_OFFICER, Roles.HEALTH_WORKER, Roles.SOCIAL_WORKER, Roles.SUPERVISOR, Roles.DUTY_OFFICER,
            Roles.ADMIN);

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String userId() {
        return Optional.ofNullable(token.<String>getClaim("preferred_username")).orElse(identity.getPrincipal().getName());
    }

    public Optional<String> agency() {
        return Optional.ofNullable(token.<Object>getClaim(AGENCY_CLAIM)).map(Object::toString);
    }

    public Optional<String> sector() {
        return Optional.ofNullable(token.<Object>getClaim(SECTOR_CLAIM)).map(Object::toString);
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The Handoff role the caller acts under, for timelines, events and the audit log; empty if none. */
    public Optional<String> primaryRole() {
        return PRIMARY_ROLE_ORDER.stream().filter(this::hasRole).findFirst();
    }

    /** The caller as the audit log records them. */
    public org.handoff.plumbing.audit.AuditLog.Who who() {
        return new org.handoff.plumbing.audit.AuditLog.Who(userId(), primaryRole().orElse("none"), agency().orElse(""));
    }

    public CallerView view() {
        return new CallerView(userId(), agency().orElse(null), sector().orElse(null), roles());
    }

    /** What a service knows about the caller; agency systems use it to check their credentials. */
    public record CallerView(String user, String agency, String sector, Set<String> roles) {
    }
}
