package org.handoff.plumbing.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Appends to the hash chain inside the caller's transaction, so the audit row exists exactly when
 * the read or change it records does. Appends are serialised by a transaction-scoped advisory lock:
 * the chain has one order.
 */
@ApplicationScoped
public class AuditLog {

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('handoff_audit_chain'))";
    private static final String LAST_HASH = "SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1";
    private static final String APPEND = "INSERT INTO audit_entry (recorded_at, actor_user, actor_role, actor_agency,"
            + " action, target_type, target_id, detail, prev_hash, hash)"
            + " VALUES (:at, :user, :role, :agency, :action, :targetType, :targetId, :detail, :prev, :hash)";

    /** Who did it; for automatic steps the service itself, e.g. {@code system:referral-service}. */
    public record Who(String user, String role, String agency) {
    }

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> record(Who who, String action, String targetType, String targetId, String detail) {
        // PostgreSQL keeps microseconds: hash what will be stored
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String agency = who.agency() == null ? "" : who.agency();
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK).getSingleResult()
                .chain(() -> session.createNativeQuery(LAST_HASH, String.class).getResultList())
                .chain((List<String> last) -> {
                    String prev = last.isEmpty() ? AuditEntry.GENESIS : last.get(0);
                    String hash = AuditEntry.hash(prev, at, who.user(), who.role(), agency, action, targetType, targetId, detail);
                    return session.createNativeQuery(APPEND)
                            .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                            .setParameter("user", who.user())
                            .setParameter("role", who.role())
                            .setParameter("agency", agency)
                            .setParameter("action", action)
                            .setParameter("targetType", targetType)
                            .setParameter("targetId", targetId)
                            .setParameter("detail", detail)
                            .setParameter("prev", prev)
                            .setParameter("hash", hash)
                            .executeUpdate();
                }))
                .replaceWithVoid();
    }
}
