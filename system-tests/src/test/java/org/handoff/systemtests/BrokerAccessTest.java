package org.handoff.systemtests;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker keeps sectors apart (deploy/kafka/acls.txt): each service's SCRAM user, with the
 * password the stack gave that service, may read only its own inbox and its own lifecycle topic (the
 * referrals its reports caused) and write only what it publishes.
 */
class BrokerAccessTest {

    private static final String BOOTSTRAP = System.getProperty("handoff.kafka", "localhost:9092");

    @Test
    void policeUserIsRefusedTheHealthInbox() {
        try (var consumer = consumerAs("police-service")) {
            consumer.assign(List.of(new TopicPartition("handoff.health.inbox", 0)));
            var refused = assertThrows(TopicAuthorizationException.class, () -> consumer.poll(Duration.ofSeconds(10)));
            assertTrue(refused.unauthorizedTopics().contains("handoff.health.inbox"), refused.toString());
        }
    }

    /** Police reported it: police-service's user reads the referral updates of its own report. */
    @Test
    void policeUserReadsTheLifecycleOfItsOwnReport() {
        String caseId = reported();
        assertTrue(readsRecordAbout("police-service", caseId, "handoff.police.lifecycle"),
                "police-service read a lifecycle event of case " + caseId);
    }

    /** The same report was referred to health: health-service's user reads that referral from its inbox. */
    @Test
    void healthUserReadsItsReferralFromTheHealthInbox() {
        String caseId = reported();
        assertTrue(readsRecordAbout("health-service", caseId, "handoff.health.inbox"),
                "health-service read the referral of case " + caseId);
    }

    private static String reported() {
        var created = io.restassured.RestAssured.given().auth().oauth2(Stack.userToken("officer.police"))
                .contentType(io.restassured.http.ContentType.JSON)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Stack.policeReport())
                .post(Stack.url("police-service") + "/api/v1/reports");
        org.junit.jupiter.api.Assertions.assertEquals(201, created.statusCode(), created.asString());
        return created.jsonPath().getString("caseId");
    }

    /** Reads the topics from their start, as the user, until a record mentioning the case arrives (or a minute passes). */
    private static boolean readsRecordAbout(String user, String caseId, String... topics) {
        try (var consumer = consumerAs(user)) {
            List<TopicPartition> partitions = java.util.Arrays.stream(topics).flatMap(topic -> consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).until(() -> {
                for (var record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.value() != null && record.value().contains(caseId)) {
                        return true;
                    }
                }
                return false;
            }, found -> found);
        }
    }

    @Test
    void policeUserIsRefusedTheHealthLifecycle() {
        try (var consumer = consumerAs("police-service")) {
            consumer.assign(List.of(new TopicPartition("handoff.health.lifecycle", 0)));
            var refused = assertThrows(TopicAuthorizationException.class, () -> consumer.poll(Duration.ofSeconds(10)));
            assertTrue(refused.unauthorizedTopics().contains("handoff.health.lifecycle"), refused.toString());
        }
    }

    /** Fetching from all three at once: one refused topic would fail the poll that finds the record. */
    @Test
    void notificationUserReadsEverySectorsLifecycle() {
        String caseId = reported();
        assertTrue(readsRecordAbout("notification-service", caseId,
                        "handoff.police.lifecycle", "handoff.health.lifecycle", "handoff.social.lifecycle"),
                "notification-service read a lifecycle event of case " + caseId);
    }

    @Test
    void policeUserCannotWriteIntoAnotherSectorsInbox() {
        try (var producer = producerAs("police-service", Stack.secret("KAFKA_POLICE_PASSWORD"))) {
            var sent = producer.send(new ProducerRecord<>("handoff.health.inbox", "case", "{}"));
            var failure = assertThrows(ExecutionException.class, sent::get);
            assertInstanceOf(TopicAuthorizationException.class, failure.getCause());
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (var producer = producerAs("police-service", "not-the-password")) {
            var sent = producer.send(new ProducerRecord<>("handoff.case-reported", "case", "{}"));
            var failure = assertThrows(ExecutionException.class, sent::get);
            assertInstanceOf(SaslAuthenticationException.class, failure.getCause());
        }
    }

    @Test
    void aClientWithoutCredentialsGetsNoTopicList() {
        Properties plain = new Properties();
        plain.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        plain.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        plain.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        plain.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (var consumer = new KafkaConsumer<String, String>(plain)) {
            // A plaintext client cannot speak to a SASL listener: it never gets metadata.
            assertThrows(org.apache.kafka.common.errors.TimeoutException.class, () -> consumer.listTopics(Duration.ofSeconds(3)));
        }
    }

    /** The flow monitor sees offsets and lag, and can read no record. */
    @Test
    void flowMonitorDescribesOffsetsButIsRefusedEveryRecord() throws Exception {
        java.util.Set<TopicPartition> committedAsBrokerAdmin;
        try (var brokerAdmin = org.apache.kafka.clients.admin.Admin.create(credentials("admin", Stack.secret("KAFKA_ADMIN_PASSWORD")))) {
            committedAsBrokerAdmin = brokerAdmin.listConsumerGroupOffsets("police-service").partitionsToOffsetAndMetadata()
                    .get(10, java.util.concurrent.TimeUnit.SECONDS).keySet();
        }
        try (var monitor = org.apache.kafka.clients.admin.Admin.create(credentials("flow-monitor", Stack.secret(passwordName("flow-monitor"))))) {
            var group = monitor.describeConsumerGroups(List.of("police-service")).all()
                    .get(10, java.util.concurrent.TimeUnit.SECONDS).get("police-service");
            assertTrue(group.members().stream().anyMatch(member -> member.assignment().topicPartitions().stream()
                    .anyMatch(partition -> partition.topic().equals("handoff.police.inbox"))),
                    "police-service's members and their inbox partitions are visible: " + group);
            var committed = monitor.listConsumerGroupOffsets("police-service").partitionsToOffsetAndMetadata()
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            // the broker hides a topic's offsets from a user without Describe on it: the monitor must miss none
            assertTrue(committed.keySet().containsAll(committedAsBrokerAdmin),
                    "every committed offset the broker's admin sees: " + committedAsBrokerAdmin + ", as flow-monitor: " + committed.keySet());
        }
        try (var consumer = consumerAs("flow-monitor")) {
            consumer.assign(List.of(new TopicPartition("handoff.police.inbox", 0)));
            consumer.seekToBeginning(consumer.assignment());
            var refused = assertThrows(TopicAuthorizationException.class, () -> consumer.poll(Duration.ofSeconds(10)));
            assertTrue(refused.unauthorizedTopics().contains("handoff.police.inbox"), refused.toString());
        }
    }

    private static KafkaConsumer<String, String> consumerAs(String user) {
        Properties config = credentials(user, Stack.secret(passwordName(user)));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config);
    }

    static KafkaProducer<String, String> producerAs(String user, String password) {
        Properties config = credentials(user, password);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        return new KafkaProducer<>(config);
    }

    private static Properties credentials(String user, String password) {
        Properties config = new Properties();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        return config;
    }

    static String passwordName(String user) {
        return "KAFKA_" + user.replace("-service", "").replace('-', '_').toUpperCase(Locale.ROOT) + "_PASSWORD";
    }
}
