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

    /** The caller as the audit log records them: the first Handoff role the token carries. */
    public org.handoff.plumbing.audit.AuditLog.Who who() {
        String role = java.util.stream.Stream.of(Roles.ADMIN, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.DUTY_OFFICER,
                Roles.POLICE_OFFICER, Roles.HEALTH_WORKER, Roles.SOCIAL_WORKER).filter(this::hasRole).findFirst().orElse("none");
        return new org.handoff.plumbing.audit.AuditLog.Who(userId(), role, agency().orElse(""));
    }

    public CallerView view() {
        return new CallerView(userId(), agency().orElse(null), sector().orElse(null), roles());
    }

    /** What a service knows about the caller; agency systems use it to check their credentials. */
    public record CallerView(String user, String agency, String sector, Set<String> roles) {
    }
}
