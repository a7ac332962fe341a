package org.handoff.plumbing.testing;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Talks to the real test broker the way an agency system would: raw records with CloudEvents headers. */
public final class KafkaTestSupport {

    private static KafkaCompanion companion;

    private KafkaTestSupport() {
    }

    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        }
        return companion;
    }

    /** The physical topic name, with this suite's prefix. */
    public static String topic(String logicalName) {
        return ConfigProvider.getConfig().getOptionalValue("handoff.messaging.topic-prefix", String.class).orElse("")
                + logicalName;
    }

    public static ProducerRecord<String, String> cloudEvent(String topic, String key, String id, String type, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", "/tests/agency-system");
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", key);
        header(record, "ce_correlationid", UUID.randomUUID().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    public static void send(ProducerRecord<String, String> record) {
        companion().produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(30));
    }

    /**
     * Sends the records as one producer batch (one request per partition), so records of one key land
     * in one log batch and reach the consumer in one poll.
     */
    public static void sendInOneBatch(List<ProducerRecord<String, String>> records) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.LINGER_MS_CONFIG, 1000,
                ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = records.stream().<java.util.concurrent.Future<?>>map(producer::send).toList();
            producer.flush();
            for (java.util.concurrent.Future<?> future : sent) {
                future.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send the batch", e);
        }
    }

    /** Offset the consumer group has committed on a partition (-1 when none), next to the partition's end. */
    public record GroupPosition(long committed, long end) {
    }

    public static GroupPosition position(String groupId, String topic, int partition) {
        TopicPartition tp = new TopicPartition(topic, partition);
        var committed = companion().consumerGroups().offsets(groupId, tp);
        long end = companion().offsets().get(tp, OffsetSpec.latest()).offset();
        return new GroupPosition(committed == null ? -1 : committed.offset(), end);
    }

    /** Reads a topic from the beginning until a record matching {@code last} arrives; returns everything read. */
    public static List<ConsumerRecord<String, String>> readUntil(String topic, Predicate<ConsumerRecord<String, String>> last) {
        return readUntilAll(topic, records -> records.stream().anyMatch(last));
    }

    /** Reads a topic from the beginning until what has been read satisfies {@code done}. */
    public static List<ConsumerRecord<String, String>> readUntilAll(String topic,
                                                                    Predicate<List<ConsumerRecord<String, String>>> done) {
        ConsumerTask<String, String> task = companion().consumeStrings().fromTopics(topic);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> done.test(task.getRecords()));
            return task.getRecords();
        } finally {
            task.stop();
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
