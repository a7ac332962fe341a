package org.handoff.referral.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.handoff.events.Actor;
import org.handoff.events.CaseReported;
import org.handoff.events.EventTypes;
import org.handoff.events.ReferralReceived;
import org.handoff.events.Sector;
import org.handoff.events.Topics;
import org.handoff.plumbing.outbox.Outbox;
import org.handoff.plumbing.outbox.OutboxMessage;
import org.handoff.plumbing.testing.OnVertx;
import org.handoff.referral.MutableClock;
import org.handoff.referral.Referral;
import org.handoff.referral.ReferralDeadline;
import org.handoff.referral.TestCases;
import org.handoff.referral.config.RoutingConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.handoff.plumbing.testing.KafkaTestSupport.header;
import static org.handoff.plumbing.testing.KafkaTestSupport.readUntilAll;
import static org.handoff.plumbing.testing.KafkaTestSupport.topic;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Time is moved, never waited for: an EMERGENCY health referral (receipt 5 min, acceptance 30 min,
 * escalation every 10 min) goes unanswered, and the watcher is run as the scheduler would run it.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DeadlineWatchTest {

    @Inject
    MutableClock clock;
    @Inject
    DeadlineWatcher watcher;
    @Inject
    Outbox outbox;
    @Inject
    DeadlinePlanner planner;
    @Inject
    RoutingConfig config;

    @Test
    void aMissedDeadlineYieldsExactlyOneOverdueEventPerLevelAlsoAcrossARestart() {
        CaseReported report = TestCases.highRiskRape(clock.instant());
        TestCases.reportCase(report);
        TestCases.awaitReferrals(report.caseId(), 2);
        Referral health = TestCases.referralTo(report.caseId(), Sector.HEALTH);

        runWatcher();
        assertEquals(Set.of(), overdue(report), "nothing is overdue before its deadline");

        clock.advance(Duration.ofMinutes(6));
        runWatcher();
        runWatcher();
        assertEquals(Set.of("HEALTH RECEIPT 1"), overdue(report), "EMERGENCY receipt was due after 5 min, URGENT after 15");

        DeadlineWatcher restarted = new DeadlineWatcher(outbox, planner, config, clock);
        OnVertx.await(restarted::drain);
        assertEquals(Set.of("HEALTH RECEIPT 1"), overdue(report), "a restart repeats nothing");

        clock.advance(Duration.ofMinutes(10));
        // two instances at once: SKIP LOCKED gives each deadline to one of them
        java.util.concurrent.CompletableFuture.allOf(
                java.util.concurrent.CompletableFuture.runAsync(() -> OnVertx.await(restarted::drain)),
                java.util.concurrent.CompletableFuture.runAsync(() -> OnVertx.await(watcher::drain))).join();
        assertEquals(Set.of("HEALTH RECEIPT 1", "HEALTH RECEIPT 2", "SOCIAL RECEIPT 1"), overdue(report),
                "EMERGENCY escalates after 10 min; social receipt is now late too");

        TestCases.publish(new ReferralReceived(health.id, report.caseId(), Sector.HEALTH,
                Actor.system("health-service", TestCases.HEALTH_AGENCY), clock.instant()), report.caseId(), Topics.REFERRAL_STATUS);
        await().atMost(Duration.ofSeconds(60)).until(() -> receiptMet(health));

        clock.advance(Duration.ofMinutes(15));
        runWatcher();
        assertEquals(Set.of("HEALTH RECEIPT 1", "HEALTH RECEIPT 2", "HEALTH ACCEPTANCE 1", "SOCIAL RECEIPT 1"),
                overdue(report), "receipt stops escalating once received; acceptance is now late");

        clock.advance(Duration.ofHours(3));
        runWatcher();
        runWatcher();
        for (int hour = 0; hour < 3; hour++) {
            clock.advance(Duration.ofHours(1));
            runWatcher();
        }
        Set<String> all = overdue(report);
        assertEquals(Set.of("HEALTH RECEIPT 1", "HEALTH RECEIPT 2", "HEALTH ACCEPTANCE 1", "HEALTH ACCEPTANCE 2",
                "HEALTH ACCEPTANCE 3", "SOCIAL RECEIPT 1", "SOCIAL RECEIPT 2", "SOCIAL RECEIPT 3", "SOCIAL ACCEPTANCE 1",
                "SOCIAL ACCEPTANCE 2", "SOCIAL ACCEPTANCE 3"), all, "the chain stops at the coordinator (level 3)");

        List<String> onKafka = readUntilAll(topic(Topics.lifecycle(report.originSector())), read -> read.stream()
                .filter(r -> TestCases.isCase(r, report.caseId()) && EventTypes.REFERRAL_OVERDUE.equals(header(r, "ce_type")))
                .count() == all.size())
                .stream().filter(r -> TestCases.isCase(r, report.caseId()) && EventTypes.REFERRAL_OVERDUE.equals(header(r, "ce_type")))
                .map(r -> header(r, "ce_id")).toList();
        assertEquals(all.size(), Set.copyOf(onKafka).size(), "each overdue event published once");
    }

    private void runWatcher() {
        OnVertx.await(watcher::drain);
    }

    private static boolean receiptMet(Referral referral) {
        return OnVertx.await(() -> Panache.withSession(() -> ReferralDeadline.<ReferralDeadline>find(
                "referralId = ?1 and kind = org.handoff.events.DeadlineKind.RECEIPT", referral.id).firstResult())).metAt != null;
    }

    /** What the watcher emitted for this case, read from the outbox it writes in the same transaction. */
    private static Set<String> overdue(CaseReported report) {
        List<OutboxMessage> rows = OnVertx.await(() -> Panache.withSession(() -> OutboxMessage.<OutboxMessage>list(
                "subject = ?1 and type = ?2", report.caseId().toString(), EventTypes.REFERRAL_OVERDUE)));
        List<String> keys = rows.stream().map(row -> {
            var node = org.handoff.events.EventJson.read(row.payload.getBytes(), org.handoff.events.ReferralOverdue.class);
            return node.sector() + " " + node.deadline() + " " + node.escalationLevel();
        }).toList();
        assertEquals(keys.size(), Set.copyOf(keys).size(), "no level emitted twice: " + keys);
        return keys.stream().collect(Collectors.toSet());
    }
}
