package org.handoff.plumbing.deadletter;

import io.smallrye.common.annotation.Identifier;
import org.handoff.plumbing.KafkaConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads this service's dead-letter topics back from the broker, as the service's own broker user
 * (its ACL grants it read on its DLQs). Blocking: call it off the event loop. It reads by assignment,
 * without a consumer group, so browsing commits nothing and moves no one's offsets.
 */
@ApplicationScoped
public class DeadLetterReader {

    private final Map<String, Object> connection;
    private final DeadLetterSettings settings;

    public DeadLetterReader(@Identifier("default-kafka-broker") Map<String, Object> broker, DeadLetterSettings settings) {
        this.connection = Map.copyOf(KafkaConnection.settings(broker));
        this.settings = settings;
    }

    /**
     * Every record now in the topics (up to {@link DeadLetterSettings#maxPerPartition()} newest per
     * partition), read up to the end offsets as they were when the read began. A topic that does not
     * exist yet has no dead letters.
     */
    public List<ConsumerRecord<String, String>> readAll(Collection<String> topics) {
        try (KafkaConsumer<String, String> consumer = open()) {
            List<TopicPartition> partitions = partitions(consumer, topics);
            if (partitions.isEmpty()) {
                return List.of();
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> from = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long first = Math.max(begin.get(partition), end.get(partition) - settings.maxPerPartition());
                if (first < end.get(partition)) {
                    from.put(partition, first);
                }
            }
            List<TopicPartition> toRead = new ArrayList<>(from.keySet());
            consumer.assign(toRead);
            from.forEach(consumer::seek);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(settings.readTimeout());
            while (!toRead.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                toRead.removeIf(partition -> consumer.position(partition) >= end.get(partition));
            }
            return records;
        }
    }

    /** The one record at this position of a dead-letter topic, if it is still there. */
    public Optional<ConsumerRecord<String, String>> read(String topic, int partition, long offset) {
        try (KafkaConsumer<String, String> consumer = open()) {
            TopicPartition position = new TopicPartition(topic, partition);
            if (!partitions(consumer, Set.of(topic)).contains(position)) {
                return Optional.empty();
            }
            long end = consumer.endOffsets(List.of(position)).get(position);
            if (offset < consumer.beginningOffsets(List.of(position)).get(position) || offset >= end) {
                return Optional.empty();
            }
            consumer.assign(List.of(position));
            consumer.seek(position, offset);
            Instant deadline = Instant.now().plus(settings.readTimeout());
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();   // compacted or transaction marker: not a record any more
                    }
                }
            }
            throw new IllegalStateException("dead letter " + topic + "-" + partition + "@" + offset
                    + " could not be read within " + settings.readTimeout());
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, Collection<String> topics) {
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(10));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : existing.getOrDefault(topic, List.of())) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        return partitions;
    }

    private KafkaConsumer<String, String> open() {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
