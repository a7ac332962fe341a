package org.handoff.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * needs them): messages written to the handoff topics so far, and each consumer group's lag. Every query
 * is retried while the broker is away (a restart during bench.sh --chaos), for a bounded time.
 */
final class KafkaProbe implements AutoCloseable {

    /** One broker query, safe to run again. */
    @FunctionalInterface
    private interface Query<T> {
        T run() throws Exception;
    }

    private final Admin admin;
    private final Duration retryWithin;

    KafkaProbe(String bootstrap, Path clientConfig, Duration retryWithin) throws IOException {
        this.retryWithin = retryWithin;
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
        return retrying("end offsets", () -> endOffsets().entrySet().stream().filter(e -> !e.getKey().topic().endsWith(".dlq"))
                .mapToLong(Map.Entry::getValue).sum());
    }

    /** Messages on the dead-letter topics. */
    long deadLettered() throws Exception {
        return deadLetteredByTopic().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Records on each dead-letter topic (handoff.*.dlq) so far: its end offsets summed over its partitions.
     * The dead-letter producers are not transactional, so the growth of this figure is the number of records
     * written in between.
     */
    Map<String, Long> deadLetteredByTopic() throws Exception {
        return retrying("dead-letter end offsets", () -> {
            Map<String, Long> byTopic = new TreeMap<>();
            endOffsets().forEach((tp, end) -> {
                if (tp.topic().endsWith(".dlq")) {
                    byTopic.merge(tp.topic(), end, Long::sum);
                }
            });
            return byTopic;
        });
    }

    /** Lag per consumer group ("group topic" → messages not yet committed), handoff topics only. */
    Map<String, Long> lag() throws Exception {
        return retrying("consumer lag", this::lagOnce);
    }

    private Map<String, Long> lagOnce() throws Exception {
        Map<TopicPartition, Long> ends = endOffsets();
        Map<String, Long> lag = new TreeMap<>();
        for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(15, TimeUnit.SECONDS)) {
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

    /**
     * Runs {@code query}; while it fails (broker away, a request timing out), runs it again every 2 s for up to
     * the retry time from the first failure, then throws the last failure. The admin client reconnects by itself.
     */
    private <T> T retrying(String what, Query<T> query) throws Exception {
        long firstFailure = 0;
        while (true) {
            try {
                T result = query.run();
                if (firstFailure != 0) {
                    Bench.log("kafka: %s answered again after %.1f s", what, (System.nanoTime() - firstFailure) / 1e9);
                }
                return result;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                long now = System.nanoTime();
                if (firstFailure == 0) {
                    firstFailure = now;
                    Bench.log("kafka: %s failed (%s); retrying for up to %d s", what, e, retryWithin.toSeconds());
                }
                if (now - firstFailure >= retryWithin.toNanos()) {
                    Bench.log("kafka: %s still failing after %d s; giving up", what, retryWithin.toSeconds());
                    throw e;
                }
                TimeUnit.SECONDS.sleep(2);
            }
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
