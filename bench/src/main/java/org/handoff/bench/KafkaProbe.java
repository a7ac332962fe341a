package org.handoff.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Broker-side figures, with one admin client (the admin.properties security settings when the broker
 * needs them): messages written to the handoff topics so far, and each consumer group's lag.
 */
final class KafkaProbe implements AutoCloseable {

    private final Admin admin;

    KafkaProbe(String bootstrap, Path clientConfig) throws IOException {
        Properties props = new Properties();
        if (clientConfig != null && Files.exists(clientConfig)) {
            try (Reader reader = Files.newBufferedReader(clientConfig)) {
                props.load(reader);
            }
        }
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        admin = Admin.create(props);
    }

    /** Sum of end offsets over the handoff topics (not the DLQs): every message written since the topic began. */
    long messagesWritten() throws Exception {
        return endOffsets().entrySet().stream().filter(e -> !e.getKey().topic().endsWith(".dlq"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Messages on the dead-letter topics. */
    long deadLettered() throws Exception {
        return endOffsets().entrySet().stream().filter(e -> e.getKey().topic().endsWith(".dlq"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Lag per consumer group ("group topic" → messages not yet committed), handoff topics only. */
    Map<String, Long> lag() throws Exception {
        Map<TopicPartition, Long> ends = endOffsets();
        Map<String, Long> lag = new TreeMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                if (!committed.containsKey(end.getKey())) {
                    continue;
                }
                OffsetAndMetadata at = committed.get(end.getKey());
                long behind = end.getValue() - (at == null ? 0 : at.offset());
                lag.merge(group.groupId() + " " + end.getKey().topic(), behind, Long::sum);
            }
        }
        return lag;
    }

    private Map<TopicPartition, Long> endOffsets() throws InterruptedException, ExecutionException, TimeoutException {
        var topics = admin.listTopics().names().get(15, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith("handoff.") && !t.equals("handoff.bench")).collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get(15, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    @Override
    public void close() {
        admin.close();
    }
}
