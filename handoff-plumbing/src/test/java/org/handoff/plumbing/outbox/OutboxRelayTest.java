package org.handoff.plumbing.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import org.handoff.plumbing.testing.OnVertx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.plumbing.consumer.Increment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.handoff.plumbing.testing.KafkaTestSupport.header;
import static org.handoff.plumbing.testing.KafkaTestSupport.readUntil;
import static org.handoff.plumbing.testing.KafkaTestSupport.readUntilAll;
import static org.handoff.plumbing.testing.KafkaTestSupport.topic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OutboxRelayTest {

    private static final String TYPE = "org.handoff.test.increment.v1";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    OutboxPublisher publisher;
    @Inject
    Pool pool;
    @Inject
    org.handoff.plumbing.MessagingConfig config;

    @Test
    void committedEventIsPublishedOnceAsACloudEvent() {
        String topic = "test.outbox." + UUID.randomUUID();
        OutgoingEvent event = event(topic, "case-1", new Increment("c", 1));
        commit(event);
        OutgoingEvent marker = event(topic, "case-1", new Increment("marker", 1));
        commit(marker);

        List<ConsumerRecord<String, String>> records = readUntil(topic(topic), r -> isEvent(r, marker));
        List<ConsumerRecord<String, String>> published = records.stream().filter(r -> isEvent(r, event)).toList();
        assertEquals(1, published.size(), "published exactly once");
        ConsumerRecord<String, String> record = published.get(0);
        assertEquals("case-1", record.key());
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals(TYPE, header(record, "ce_type"));
        assertEquals("/services/plumbing-test", header(record, "ce_source"));
        assertEquals("case-1", header(record, "ce_subject"));
        assertEquals(event.correlationId(), header(record, "ce_correlationid"));
        assertNotNull(header(record, "ce_time"));
        assertEquals("{\"counter\":\"c\",\"by\":1}", record.value());
        assertNotNull(sentAt(event.id()), "the row is marked sent");
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String topic = "test.outbox." + UUID.randomUUID();
        OutgoingEvent doomed = event(topic, "case-2", new Increment("doomed", 1));
        assertThrows(IllegalStateException.class, () -> OnVertx.await(() -> Panache.withTransaction(
                () -> outbox.append(doomed).chain(() -> Uni.createFrom().failure(new IllegalStateException("refused"))))));
        OutgoingEvent marker = event(topic, "case-2", new Increment("marker", 1));
        commit(marker);

        List<ConsumerRecord<String, String>> records = readUntil(topic(topic), r -> isEvent(r, marker));
        assertTrue(records.stream().noneMatch(r -> isEvent(r, doomed)), "a rolled-back event never reaches Kafka");
        assertNull(OnVertx.await(() -> Panache.withSession(() -> OutboxMessage.findById(doomed.id()))));
    }

    /**
     * A relay publishes, then dies before marking the row sent. The next relay publishes the row
     * again under the same CloudEvent id, and the idempotent consumer applies it once.
     */
    @Test
    void relayRestartBetweenPublishAndMarkIsAbsorbedByTheSameEventId() {
        String counter = "restart-" + UUID.randomUUID();
        OutgoingEvent event = event("test.increments", counter, new Increment(counter, 7));

        SqlConnection crashing = pool.getConnection().await().indefinitely();
        assertTrue(relay.tryRelayLock(crashing).await().indefinitely());
        commit(event);
        List<ClaimedMessage> ours = relay.claim(crashing).await().indefinitely().stream()
                .filter(row -> row.id().equals(event.id())).toList();
        assertEquals(1, ours.size());
        publisher.publish(ours).await().indefinitely();
        // the relay dies here, before marking: its connection, and with it the lock, goes away
        relay.unlock(crashing).await().indefinitely();
        crashing.close().await().indefinitely();

        relay.wake();
        List<ConsumerRecord<String, String>> records = readUntilAll(topic("test.increments"),
                read -> read.stream().filter(r -> isEvent(r, event)).count() == 2);
        assertEquals(2, records.stream().filter(r -> isEvent(r, event)).count(), "at-least-once on the wire");
        await().atMost(Duration.ofSeconds(30)).until(() -> sentAt(event.id()) != null);

        OutgoingEvent marker = event("test.increments", counter, new Increment(counter + "-marker", 1));
        commit(marker);
        await().atMost(Duration.ofSeconds(60)).until(() -> counter(counter + "-marker") == 1);
        assertEquals(7, counter(counter), "applied exactly once");
    }

    /** While the relay cannot publish, the admin API shows the backlog and its age; once it can, the backlog drains. */
    @Test
    void theBacklogOfUnsentRowsIsVisibleToAdministratorsUntilTheRelayCatchesUp() {
        String admin = org.handoff.plumbing.testing.TestTokens.token("admin.ops", "almaty-coordination", "coordination",
                org.handoff.plumbing.security.Roles.ADMIN);
        SqlConnection holder = pool.getConnection().await().indefinitely();
        try {
            assertTrue(relay.tryRelayLock(holder).await().indefinitely(), "this test holds the relay lock");
            OutgoingEvent waiting = event("test.outbox." + UUID.randomUUID(), "case-backlog", new Increment("backlog", 1));
            commit(waiting);
            io.restassured.path.json.JsonPath backlog = io.restassured.RestAssured.given().auth().oauth2(admin)
                    .get("/api/v1/admin/outbox").then().statusCode(200).extract().jsonPath();
            assertTrue(backlog.getLong("unsent") >= 1, backlog.prettify());
            assertNotNull(backlog.getString("oldestUnsentAt"), backlog.prettify());
        } finally {
            relay.unlock(holder).await().indefinitely();
            holder.close().await().indefinitely();
        }
        relay.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> io.restassured.RestAssured.given().auth().oauth2(admin)
                .get("/api/v1/admin/outbox").then().statusCode(200).extract().jsonPath().getLong("unsent") == 0);
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("handoff_outbox_backlog_rows 0.0"));
    }

    @Test
    void aRelayWaitsForTheBrokerWithoutATransactionOrRowLocksOpen() {
        String topic = "test.outbox." + UUID.randomUUID();
        OutgoingEvent event = event(topic, "case-3", new Increment("lockless", 1));
        SqlConnection relaying = pool.getConnection().await().indefinitely();
        try {
            assertTrue(relay.tryRelayLock(relaying).await().indefinitely());
            commit(event);
            assertEquals(1, relay.claim(relaying).await().indefinitely().stream().filter(row -> row.id().equals(event.id())).count());
            // between the claim and the broker's acknowledgement: no transaction of the relay's is open
            // and the claimed row is not locked, so a writer or vacuum never waits for the broker
            int pid = relaying.query("SELECT pg_backend_pid() AS pid").execute().await().indefinitely()
                    .iterator().next().getInteger("pid");
            String state = pool.query("SELECT state FROM pg_stat_activity WHERE pid = " + pid).execute().await().indefinitely()
                    .iterator().next().getString("state");
            assertEquals("idle", state, "the lock holder sits idle, not 'idle in transaction'");
            assertTrue(pool.query("SELECT 1 FROM outbox_message WHERE id = '" + event.id() + "' FOR UPDATE NOWAIT")
                    .execute().await().indefinitely().size() == 1, "the claimed row can still be locked by others");
        } finally {
            relay.unlock(relaying).await().indefinitely();
            relaying.close().await().indefinitely();
        }
        relay.wake();
        readUntil(topic(topic), r -> isEvent(r, event));
    }

    @Test
    void twoRelayInstancesOnOneDatabasePublishEachRowOnceAndInOrder() {
        OutboxRelay secondInstance = new OutboxRelay(pool, publisher, config, java.time.Clock.systemUTC(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        String topic = "test.outbox." + UUID.randomUUID();
        List<OutgoingEvent> events = IntStream.range(0, 500)
                .mapToObj(i -> event(topic, "case-" + (i % 7), new Increment("n" + i, i))).toList();
        // committed in several transactions while both instances keep relaying
        List<Uni<Integer>> passes = new java.util.ArrayList<>();
        for (int chunk = 0; chunk < 5; chunk++) {
            List<OutgoingEvent> part = events.subList(chunk * 100, chunk * 100 + 100);
            OnVertx.await(() -> Panache.withTransaction(() -> Uni.join().all(part.stream().map(outbox::append).toList()).andFailFast()));
            passes.add(relay.relayBatch());
            passes.add(secondInstance.relayBatch());
        }
        Uni.join().all(passes).andFailFast().await().indefinitely();
        relay.wake();

        assertPublishedOnceEachInCaseOrder(topic, events);
    }

    @Test
    void concurrentRelaysPublishEachRowOnce() {
        String topic = "test.outbox." + UUID.randomUUID();
        List<OutgoingEvent> events = IntStream.range(0, 500)
                .mapToObj(i -> event(topic, "case-" + (i % 7), new Increment("n" + i, i))).toList();
        OnVertx.await(() -> Panache.withTransaction(
                () -> Uni.join().all(events.stream().map(outbox::append).toList()).andFailFast()));
        Uni.join().all(relay.relayBatch(), relay.relayBatch(), relay.relayBatch()).andFailFast().await().indefinitely();
        relay.wake();

        assertPublishedOnceEachInCaseOrder(topic, events);
    }

    /** Every event on the wire exactly once, and each case's events in the order they were appended. */
    private static void assertPublishedOnceEachInCaseOrder(String topic, List<OutgoingEvent> events) {
        List<ConsumerRecord<String, String>> records = readUntilAll(topic(topic), read -> read.size() >= events.size());
        Map<String, Long> copies = records.stream()
                .collect(Collectors.groupingBy(r -> header(r, "ce_id"), Collectors.counting()));
        assertEquals(events.size(), copies.size());
        assertTrue(copies.values().stream().allMatch(n -> n == 1), "no row published twice");
        Map<String, List<Integer>> perKey = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(OutboxRelayTest::by, Collectors.toList())));
        perKey.values().forEach(sequence -> assertEquals(sequence.stream().sorted().toList(), sequence, "one case's events stay in order"));
    }

    private static boolean isEvent(ConsumerRecord<String, String> record, OutgoingEvent event) {
        return event.id().toString().equals(header(record, "ce_id"));
    }

    private static OutgoingEvent event(String topic, String caseId, Increment payload) {
        return OutgoingEvent.of(topic, caseId, TYPE, UUID.randomUUID().toString(), payload);
    }

    private void commit(OutgoingEvent event) {
        OnVertx.await(() -> Panache.withTransaction(() -> outbox.append(event)));
    }

    private static Object sentAt(UUID id) {
        return OnVertx.await(() -> Panache.withSession(() -> OutboxMessage.<OutboxMessage>findById(id)))
                .sentAt;
    }

    private static int counter(String name) {
        return OnVertx.await(() -> org.handoff.plumbing.consumer.IncrementConsumer.value(name));
    }

    private static int by(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).get("by").asInt();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
