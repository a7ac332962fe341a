package org.handoff.plumbing.consumer;

import io.quarkus.test.junit.QuarkusTest;
import org.handoff.plumbing.testing.KafkaTestSupport.GroupPosition;
import org.handoff.plumbing.testing.OnVertx;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.handoff.plumbing.testing.KafkaTestSupport.cloudEvent;
import static org.handoff.plumbing.testing.KafkaTestSupport.header;
import static org.handoff.plumbing.testing.KafkaTestSupport.readUntil;
import static org.handoff.plumbing.testing.KafkaTestSupport.position;
import static org.handoff.plumbing.testing.KafkaTestSupport.send;
import static org.handoff.plumbing.testing.KafkaTestSupport.sendInOneBatch;
import static org.handoff.plumbing.testing.KafkaTestSupport.topic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class IdempotentConsumerTest {

    private static final String TOPIC = topic("test.increments");
    private static final String DLQ = topic("test.increments.dlq");

    @Test
    void redeliveredEventChangesStateOnce() {
        String counter = "redelivered-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String payload = increment(counter, 5);

        send(cloudEvent(TOPIC, counter, eventId, IncrementConsumer.TYPE, payload));
        send(cloudEvent(TOPIC, counter, eventId, IncrementConsumer.TYPE, payload));
        String marker = counter + "-marker";
        send(cloudEvent(TOPIC, counter, UUID.randomUUID().toString(), IncrementConsumer.TYPE, increment(marker, 1)));

        awaitValue(marker, 1);
        assertEquals(5, value(counter), "the second delivery of the same event id must change nothing");
    }

    @Test
    void poisonGoesToDeadLetterTopicAndLaterEventsOnThePartitionStillFlow() {
        String key = "case-" + UUID.randomUUID();
        String brokenId = UUID.randomUUID().toString();
        String refusedId = UUID.randomUUID().toString();
        String counter = "after-poison-" + UUID.randomUUID();

        send(cloudEvent(TOPIC, key, brokenId, IncrementConsumer.TYPE, "{\"counter\": \"x\", \"by\": "));
        send(cloudEvent(TOPIC, key, refusedId, IncrementConsumer.TYPE, increment(counter, -1)));
        send(cloudEvent(TOPIC, key, UUID.randomUUID().toString(), IncrementConsumer.TYPE, increment(counter, 2)));

        awaitValue(counter, 2);
        List<ConsumerRecord<String, String>> dead = readUntil(DLQ, r -> refusedId.equals(header(r, "ce_id")));
        ConsumerRecord<String, String> broken = dead.stream().filter(r -> brokenId.equals(header(r, "ce_id"))).findFirst().orElseThrow();
        assertTrue(header(broken, "dead-letter-reason").contains("not a valid Increment"), header(broken, "dead-letter-reason"));
        assertEquals(TOPIC, header(broken, "dead-letter-topic"));
        assertEquals(key, broken.key());
        ConsumerRecord<String, String> refused = dead.stream().filter(r -> refusedId.equals(header(r, "ce_id"))).findFirst().orElseThrow();
        assertEquals("increments must not be negative", header(refused, "dead-letter-reason"));
    }

    @Test
    void recordWithoutCloudEventHeadersIsDeadLettered() {
        String key = "plain-" + UUID.randomUUID();
        send(new org.apache.kafka.clients.producer.ProducerRecord<>(TOPIC, key, increment(key, 1)));

        List<ConsumerRecord<String, String>> dead = readUntil(DLQ, r -> key.equals(r.key()));
        ConsumerRecord<String, String> record = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertTrue(header(record, "dead-letter-reason").contains("ce_id"), header(record, "dead-letter-reason"));
        assertEquals(0, value(key), "an event without an id cannot be deduplicated, so it must not be applied");
    }

    @Test
    void oneBatchWithADuplicateAndAPoisonRecordAppliesTheRestInOrderAndDeadLettersThePoisonAlone() {
        String key = "batch-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        sendInOneBatch(List.of(
                cloudEvent(TOPIC, key, first, IncrementConsumer.TYPE, shift(key, 1)),
                cloudEvent(TOPIC, key, second, IncrementConsumer.TYPE, shift(key, 2)),
                cloudEvent(TOPIC, key, first, IncrementConsumer.TYPE, shift(key, 1)),
                cloudEvent(TOPIC, key, poison, IncrementConsumer.TYPE, shift(key, -7)),
                cloudEvent(TOPIC, key, third, IncrementConsumer.TYPE, shift(key, 3))));

        // 1, 2, 3 applied once each and in the order sent: the duplicate and the poison changed nothing
        awaitValue(key, 123);
        assertTrue(IncrementConsumer.BATCHES.stream().anyMatch(batch -> batch.containsAll(List.of(first, second, poison, third))
                        && batch.stream().filter(first::equals).count() == 2),
                "the five records must have reached the consumer in one poll, else this test shows nothing: "
                        + IncrementConsumer.BATCHES);
        List<ConsumerRecord<String, String>> dead = readUntil(DLQ, r -> poison.equals(header(r, "ce_id")));
        List<ConsumerRecord<String, String>> ours = dead.stream().filter(r -> key.equals(r.key())).toList();
        assertEquals(1, ours.size(), "only the poison record is dead-lettered");
        assertEquals(poison, header(ours.get(0), "ce_id"));
        assertEquals("increments must not be negative", header(ours.get(0), "dead-letter-reason"));
        assertEquals("test-increments", header(ours.get(0), IncomingEvents.DEAD_LETTER_CONSUMER));
        // every record of the batch is settled, so the group's committed offset reaches the partition's end
        int partition = ours.get(0).headers().lastHeader("dead-letter-partition") == null ? -1
                : Integer.parseInt(header(ours.get(0), "dead-letter-partition"));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            GroupPosition position = position("plumbing-test", TOPIC, partition);
            return position.committed() == position.end();
        });
    }

    @Test
    void aLostDatabaseConnectionIsRetriedUntilBackAndNeverDeadLettered() {
        String key = "infra-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        // more failures than max-retries (2): only an infrastructure failure may be retried this often
        send(cloudEvent(TOPIC, key, eventId, IncrementConsumer.TYPE,
                "{\"counter\":\"" + key + "\",\"by\":4,\"dropConnections\":4}"));
        send(cloudEvent(TOPIC, key, marker, IncrementConsumer.TYPE, increment(key, -1)));

        awaitValue(key, 4);
        assertEquals(4, IncrementConsumer.connectionsDropped(eventId), "the handler's connection was killed four times");
        // the marker comes after it on the same partition: once the marker is dead-lettered, the event's fate is known
        List<ConsumerRecord<String, String>> dead = readUntil(DLQ, r -> marker.equals(header(r, "ce_id")));
        assertTrue(dead.stream().noneMatch(r -> eventId.equals(header(r, "ce_id"))),
                "an event must never be dead-lettered because the database was away");
    }

    private static String increment(String counter, int by) {
        return "{\"counter\":\"" + counter + "\",\"by\":" + by + ",\"addedInALaterVersion\":true}";
    }

    private static String shift(String counter, int by) {
        return "{\"counter\":\"" + counter + "\",\"by\":" + by + ",\"shift\":true}";
    }

    private static void awaitValue(String counter, int expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> value(counter) == expected);
    }

    private static int value(String counter) {
        return OnVertx.await(() -> IncrementConsumer.value(counter));
    }
}
