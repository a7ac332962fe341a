package org.handoff.referral.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.referral.repository.ReferralMonitorRepository;
import org.handoff.referral.repository.ReferralMonitorRepository.Attention;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Referrals by state and recipient sector ({@code handoff_referrals}) and those needing attention
 * ({@code handoff_referrals_attention{kind=overdue|escalated|stuck}}), sampled on a schedule so a
 * scrape never queries the database; the alert rules of deploy/monitoring read them.
 */
@ApplicationScoped
public class ReferralGauges {

    private final ReferralMonitorRepository repository;
    private final Clock clock;
    private final MultiGauge byState;
    private final MultiGauge attention;

    public ReferralGauges(ReferralMonitorRepository repository, Clock clock, MeterRegistry metrics) {
        this.repository = repository;
        this.clock = clock;
        this.byState = MultiGauge.builder("handoff.referrals").description("referrals by state and recipient sector")
                .register(metrics);
        this.attention = MultiGauge.builder("handoff.referrals.attention")
                .description("open referrals past a deadline (overdue), escalated, or REQUESTED past receipt (stuck)")
                .register(metrics);
    }

    @Scheduled(every = "${handoff.flows.referral-gauges-every:30s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sample() {
        Instant now = Instant.now(clock);
        return Panache.withSession(() -> repository.countsByStateAndSector()
                        .invoke(counts -> byState.register(counts.stream().map(count -> MultiGauge.Row.of(
                                Tags.of("state", count.state(), "sector", count.sector()), count.count())).toList(), true))
                        .chain(() -> count(Arrays.asList(Attention.values()), now, List.of())))
                .onFailure().invoke(failure -> Log.debugf("referral gauges not sampled: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One kind after another: one reactive session runs one statement at a time. */
    private Uni<Void> count(List<Attention> kinds, Instant now, List<MultiGauge.Row<?>> rows) {
        if (kinds.isEmpty()) {
            attention.register(rows, true);
            return Uni.createFrom().voidItem();
        }
        Attention kind = kinds.get(0);
        return repository.count(kind, null, now).chain(count -> {
            List<MultiGauge.Row<?>> more = new java.util.ArrayList<>(rows);
            more.add(MultiGauge.Row.of(Tags.of("kind", kind.name().toLowerCase(Locale.ROOT)), count));
            return count(kinds.subList(1, kinds.size()), now, more);
        });
    }
}
