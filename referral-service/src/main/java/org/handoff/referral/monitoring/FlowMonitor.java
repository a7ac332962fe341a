package org.handoff.referral.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.handoff.events.Topics;
import org.handoff.plumbing.KafkaConnection;
import org.handoff.plumbing.MessagingConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Samples the broker: every topic of the contract ({@link Topics#allWithDlq()}), its end offsets and
 * produce rate, and every consumer group's committed offsets and lag on those topics — as the
 * Describe-only user {@code flow-monitor}, which can read no record. Samples feed the admin flows API
 * and the gauges {@code handoff_flow_topic_end_offset} and {@code handoff_flow_consumer_lag}. Blocking:
 * runs on the scheduler's worker thread, or a worker the API hands it.
 */
@ApplicationScoped
public class FlowMonitor {

    private static final long TIMEOUT_SECONDS = 10;

    private final Map<String, Object> connection;
    private final MessagingConfig messaging;
    private final FlowSettings settings;
    private final Clock clock;
    private final MultiGauge endOffsets;
    private final MultiGauge lags;
    private final AtomicReference<FlowSnapshot> latest = new AtomicReference<>();
    private Admin admin;

    public FlowMonitor(@Identifier("default-kafka-broker") Map<String, Object> broker, MessagingConfig messaging,
                       FlowSettings settings, Clock clock, MeterRegistry metrics) {
        Map<String, Object> kept = KafkaConnection.settings(broker);
        settings.saslJaasConfig().ifPresent(login -> kept.put("sasl.jaas.config", login));
        kept.put(AdminClientConfig.CLIENT_ID_CONFIG, "flow-monitor");
        this.connection = Map.copyOf(kept);
        this.messaging = messaging;
        this.settings = settings;
        this.clock = clock;
        this.endOffsets = MultiGauge.builder("handoff.flow.topic.end.offset")
                .description("sum of the topic's partition end offsets (records ever written)").register(metrics);
        this.lags = MultiGauge.builder("handoff.flow.consumer.lag")
                .description("records of the topic its consumer group has not committed yet").register(metrics);
    }

    @Scheduled(every = "${handoff.flows.sample-every:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sample();
        } catch (RuntimeException e) {
            Log.debugf("flow sample failed: %s", e.toString());
        }
    }

    /** The latest sample, or a fresh one when none is younger than two sampling periods. */
    public FlowSnapshot current() {
        FlowSnapshot snapshot = latest.get();
        if (snapshot == null || snapshot.asOf().isBefore(Instant.now(clock).minus(settings.sampleEvery().multipliedBy(2)))) {
            return sample();
        }
        return snapshot;
    }

    synchronized FlowSnapshot sample() {
        try {
            Admin client = admin();
            Map<String, String> logicalByPhysical = new TreeMap<>();
            Topics.allWithDlq().forEach(topic -> logicalByPhysical.put(messaging.topic(topic), topic));
            Set<String> existing = client.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> topics = logicalByPhysical.keySet().stream().filter(existing::contains).toList();
            Map<String, TopicDescription> descriptions = client.describeTopics(topics).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latestSpec = new HashMap<>();
            descriptions.values().forEach(description -> description.partitions().forEach(partition ->
                    latestSpec.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(latestSpec).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

            Instant now = Instant.now(clock);
            FlowSnapshot previous = latest.get();
            List<FlowSnapshot.TopicFlow> flows = new ArrayList<>();
            for (String topic : topics) {
                long end = ends.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                        .mapToLong(e -> e.getValue().offset()).sum();
                flows.add(new FlowSnapshot.TopicFlow(topic, descriptions.get(topic).partitions().size(), end,
                        rate(previous, topic, end, now), Topics.isDlq(logicalByPhysical.get(topic))));
            }

            List<FlowSnapshot.GroupLag> groups = new ArrayList<>();
            List<String> groupIds = client.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).toList();
            Map<String, ConsumerGroupDescription> members = client.describeConsumerGroups(groupIds).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (String group : groupIds) {
                Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                // a group's topics: those it committed on, and those its members are assigned but have
                // not committed on yet (a fresh stack before its first event: lag is everything there)
                Set<String> consumed = new java.util.TreeSet<>();
                committed.keySet().forEach(partition -> consumed.add(partition.topic()));
                members.get(group).members().forEach(member ->
                        member.assignment().topicPartitions().forEach(partition -> consumed.add(partition.topic())));
                for (String topic : consumed) {
                    if (!descriptions.containsKey(topic)) {
                        continue;   // not one of the contract's topics (e.g. another suite's prefix)
                    }
                    groups.add(lag(group, topic, descriptions.get(topic), committed, ends));
                }
            }
            groups.sort(Comparator.comparing(FlowSnapshot.GroupLag::group).thenComparing(FlowSnapshot.GroupLag::topic));
            FlowSnapshot snapshot = new FlowSnapshot(now, flows, groups);
            latest.set(snapshot);
            publish(snapshot);
            return snapshot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("flow sample interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new org.handoff.plumbing.consumer.InfrastructureUnavailableException(
                    "the broker did not answer the flow monitor: " + e.getMessage(), e);
        }
    }

    private static FlowSnapshot.GroupLag lag(String group, String topic, TopicDescription description,
                                            Map<TopicPartition, OffsetAndMetadata> committed,
                                            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends) {
        List<FlowSnapshot.PartitionLag> partitions = new ArrayList<>();
        long committedSum = 0;
        long endSum = 0;
        long lagSum = 0;
        for (var info : description.partitions()) {
            TopicPartition partition = new TopicPartition(topic, info.partition());
            long end = ends.containsKey(partition) ? ends.get(partition).offset() : 0;
            OffsetAndMetadata offset = committed.get(partition);
            // a partition the group never committed on lags by everything in it
            long lag = Math.max(0, end - (offset == null ? 0 : offset.offset()));
            partitions.add(new FlowSnapshot.PartitionLag(info.partition(), offset == null ? null : offset.offset(), end, lag));
            committedSum += offset == null ? 0 : offset.offset();
            endSum += end;
            lagSum += lag;
        }
        return new FlowSnapshot.GroupLag(group, topic, committedSum, endSum, lagSum, partitions);
    }

    private static Double rate(FlowSnapshot previous, String topic, long end, Instant now) {
        if (previous == null) {
            return null;
        }
        double seconds = Duration.between(previous.asOf(), now).toMillis() / 1000.0;
        return previous.topics().stream().filter(flow -> flow.topic().equals(topic)).findFirst()
                .filter(flow -> seconds > 0)
                .map(flow -> Math.max(0, end - flow.endOffset()) / seconds)
                .orElse(null);
    }

    private void publish(FlowSnapshot snapshot) {
        endOffsets.register(snapshot.topics().stream()
                .map(flow -> MultiGauge.Row.of(Tags.of("topic", flow.topic()), flow.endOffset())).toList(), true);
        lags.register(snapshot.consumers().stream()
                .map(lag -> MultiGauge.Row.of(Tags.of("group", lag.group(), "topic", lag.topic()), lag.lag())).toList(), true);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(connection);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
