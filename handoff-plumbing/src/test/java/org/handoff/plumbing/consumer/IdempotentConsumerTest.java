package org.handoff.plumbing.consumer;

import io.quarkus.test.junit.QuarkusTest;
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
import static org.handoff.plumbing.testing.KafkaTestSupport.send;
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

    private static String increment(String counter, int by) {
        return "{\"counter\":\"" + counter + "\",\"by\":" + by + ",\"addedInALaterVersion\":true}";
    }

    private static void awaitValue(String counter, int expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> value(counter) == expected);
    }

    private static int value(String counter) {
        return OnVertx.await(() -> IncrementConsumer.value(counter));
    }
}
