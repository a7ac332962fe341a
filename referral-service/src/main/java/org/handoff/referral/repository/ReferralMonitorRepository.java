package org.handoff.referral.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.ReferralState;
import org.handoff.plumbing.NativeRows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * What administrators watch: referrals counted by state and sector, and those needing attention.
 * Set-based SQL over the referral and referral_deadline tables; no survivor data is read.
 */
@ApplicationScoped
public class ReferralMonitorRepository {

    /** Which referrals a list shows. */
    public enum Attention {
        /** A receipt or acceptance deadline passed and was not met. */
        OVERDUE(" d.met_at IS NULL AND d.due_at < :now"),
        /** At least one overdue escalation went out for a deadline still not met. */
        ESCALATED(" d.met_at IS NULL AND d.escalation_level > 0"),
        /** Still REQUESTED past its receipt deadline: the recipient's system never confirmed it arrived. */
        STUCK(" d.met_at IS NULL AND d.kind = 'RECEIPT' AND d.due_at < :now AND r.state = 'REQUESTED'");

        final String condition;

        Attention(String condition) {
            this.condition = condition;
        }
    }

    public record StateCount(String state, String sector, long count) {
    }

    /** One referral needing attention, with the deadline that makes it so. */
    public record AttentionRow(java.util.UUID referralId, java.util.UUID caseId, String state, String recipientSector,
                               String recipientAgency, String referringSector, String referringAgency, String priority,
                               Instant requestedAt, Instant updatedAt, String deadline, Instant dueAt, int escalationLevel) {
    }

    private static final String OPEN_STATES = Arrays.stream(ReferralState.values()).filter(state -> !state.isTerminal())
            .map(state -> "'" + state.name() + "'").reduce((a, b) -> a + ", " + b).orElseThrow();

    private static final String COUNTS = "SELECT state, recipient_sector, count(*) FROM referral"
            + " GROUP BY state, recipient_sector ORDER BY state, recipient_sector";

    /** The most pressing deadline per referral: the earliest unmet one that matches. */
    private static final String ATTENTION_FROM = " FROM referral r JOIN LATERAL (SELECT d.kind, d.due_at, d.escalation_level"
            + " FROM referral_deadline d WHERE d.referral_id = r.id AND %s ORDER BY d.due_at LIMIT 1) d ON true"
            + " WHERE r.state IN (" + OPEN_STATES + ") AND (cast(:sector AS text) IS NULL OR r.recipient_sector = :sector)";

    public Uni<List<StateCount>> countsByStateAndSector() {
        return Panache.getSession().chain(session -> session.createNativeQuery(COUNTS, Object[].class).getResultList())
                .map(rows -> rows.stream().map(row -> new StateCount((String) row[0], (String) row[1],
                        ((Number) row[2]).longValue())).toList());
    }

    public Uni<Long> count(Attention attention, String sector, Instant now) {
        String sql = "SELECT count(*)" + ATTENTION_FROM.formatted(attention.condition);
        return Panache.getSession().chain(session -> bind(session.createNativeQuery(sql, Long.class), attention, sector, now)
                .getSingleResult());
    }

    /** Oldest deadline first: what has waited longest comes first. */
    public Uni<List<AttentionRow>> list(Attention attention, String sector, Instant now, int page, int size) {
        String sql = "SELECT r.id, r.case_id, r.state, r.recipient_sector, r.recipient_agency, r.referring_sector,"
                + " r.referring_agency, r.priority, r.requested_at, r.updated_at, d.kind, d.due_at, d.escalation_level"
                + ATTENTION_FROM.formatted(attention.condition) + " ORDER BY d.due_at, r.id LIMIT :limit OFFSET :offset";
        return Panache.getSession().chain(session -> bind(session.createNativeQuery(sql, Object[].class), attention, sector, now)
                        .setParameter("limit", size).setParameter("offset", page * size).getResultList())
                .map(rows -> rows.stream().map(row -> new AttentionRow((java.util.UUID) row[0], (java.util.UUID) row[1],
                        (String) row[2], (String) row[3], (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                        NativeRows.instant(row[8]), NativeRows.instant(row[9]), (String) row[10], NativeRows.instant(row[11]), ((Number) row[12]).intValue())).toList());
    }

    private static <Q extends org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<?>> Q bind(Q query, Attention attention,
                                                                                            String sector, Instant now) {
        query.setParameter("sector", sector);
        if (attention != Attention.ESCALATED) {
            query.setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        }
        return query;
    }

}
