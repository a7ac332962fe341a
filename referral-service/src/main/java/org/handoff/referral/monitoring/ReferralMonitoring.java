package org.handoff.referral.monitoring;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.Sector;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.paging.Page;
import org.handoff.referral.repository.ReferralMonitorRepository;
import org.handoff.referral.repository.ReferralMonitorRepository.Attention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Referral flow as administrators watch it; every read is in the audit chain, in the read's transaction. */
@ApplicationScoped
public class ReferralMonitoring {

    /** Counts by state and recipient sector, and how many need attention of each kind. */
    public record Overview(Instant asOf, List<ReferralMonitorRepository.StateCount> byStateAndSector,
                           long overdue, long escalated, long stuck) {
    }

    /** A referral needing attention: ids, sectors, agencies and codes only — no survivor data. */
    public record AttentionItem(java.util.UUID referralId, java.util.UUID caseId, String state, String recipientSector,
                                String recipientAgency, String referringSector, String referringAgency, String priority,
                                Instant requestedAt, Duration age, String deadline, Instant dueAt, Duration overdueBy,
                                int escalationLevel, Instant lastChangeAt) {
    }

    private final ReferralMonitorRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    public ReferralMonitoring(ReferralMonitorRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Overview> overview(AuditLog.Who who) {
        Instant now = Instant.now(clock);
        return repository.countsByStateAndSector()
                .chain(counts -> repository.count(Attention.OVERDUE, null, now)
                        .chain(overdue -> repository.count(Attention.ESCALATED, null, now)
                                .chain(escalated -> repository.count(Attention.STUCK, null, now)
                                        .map(stuck -> new Overview(now, counts, overdue, escalated, stuck)))))
                .call(overview -> audit.record(who, "referrals.overview", "referrals", "*",
                        "overdue=" + overview.overdue() + " escalated=" + overview.escalated() + " stuck=" + overview.stuck()));
    }

    /** Oldest deadline first. */
    @WithTransaction
    public Uni<Page<AttentionItem>> attention(Attention kind, Sector sector, int page, int size, AuditLog.Who who) {
        Instant now = Instant.now(clock);
        String sectorName = sector == null ? null : sector.name();
        return repository.count(kind, sectorName, now)
                .chain(total -> repository.list(kind, sectorName, now, page, size)
                        .map(rows -> new Page<>(rows.stream().map(row -> item(row, now)).toList(), page, size, total)))
                .call(found -> audit.record(who, "referrals.attention", "referrals", kind.name().toLowerCase(Locale.ROOT),
                        "sector=" + sectorName + " page=" + page + " total=" + found.total()));
    }

    private static AttentionItem item(ReferralMonitorRepository.AttentionRow row, Instant now) {
        Duration overdueBy = row.dueAt().isBefore(now) ? Duration.between(row.dueAt(), now) : Duration.ZERO;
        return new AttentionItem(row.referralId(), row.caseId(), row.state(), row.recipientSector(), row.recipientAgency(),
                row.referringSector(), row.referringAgency(), row.priority(), row.requestedAt(),
                Duration.between(row.requestedAt(), now), row.deadline(), row.dueAt(), overdueBy, row.escalationLevel(),
                row.updatedAt());
    }
}
