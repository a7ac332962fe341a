package org.handoff.plumbing.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Appends to the hash chain inside the caller's transaction, so the audit row exists exactly when
 * the read or change it records does. There is no database-wide lock: the chain has
 * {@link #LANES} lanes, each with a head row, and one statement advances the head of the
 * transaction's lane and inserts the entry linked to it. Appends in one lane are serialised by that
 * head row's lock (held to commit). The lane follows the transaction id, so one transaction appends
 * to one lane (no deadlock between two transactions' lane locks) and a long transaction — a consumer's
 * batch — holds up only the one in eight transactions that draw the same lane, never the same
 * connection's next ones.
 */
@ApplicationScoped
public class AuditLog {

    /** Lanes 0..LANES-1 exist from migration V0_4 on. */
    static final int LANES = 8;

    /**
     * The head's new hash covers its old hash and the entry's fields exactly as
     * {@link AuditEntry#hash} does; under concurrent appends PostgreSQL re-reads the locked head,
     * so the new link is always computed from the latest head.
     */
    private static final String APPEND = "WITH head AS ("
            + " UPDATE audit_lane_head h SET position = h.position + 1, prev_hash = h.hash,"
            + " hash = encode(sha256(convert_to(h.hash || chr(31) || :fields, 'UTF8')), 'hex')"
            + " WHERE h.lane = txid_current() % " + LANES
            + " RETURNING h.lane, h.position, h.prev_hash, h.hash)"
            + " INSERT INTO audit_entry (lane, lane_position, recorded_at, actor_user, actor_role, actor_agency,"
            + " action, target_type, target_id, detail, prev_hash, hash)"
            + " SELECT head.lane, head.position, :at, :user, :role, :agency, :action, :targetType, :targetId, :detail,"
            + " head.prev_hash, head.hash FROM head";

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
        String fields = AuditEntry.fields(at, who.user(), who.role(), agency, action, targetType, targetId, detail);
        return Panache.getSession().chain(session -> session.createNativeQuery(APPEND)
                        .setParameter("fields", fields)
                        .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .setParameter("user", who.user())
                        .setParameter("role", who.role())
                        .setParameter("agency", agency)
                        .setParameter("action", action)
                        .setParameter("targetType", targetType)
                        .setParameter("targetId", targetId)
                        .setParameter("detail", detail)
                        .executeUpdate())
                .invoke(inserted -> {
                    if (inserted != 1) {
                        throw new IllegalStateException("audit lane head missing: the chain was not appended to");
                    }
                })
                .replaceWithVoid();
    }
}
