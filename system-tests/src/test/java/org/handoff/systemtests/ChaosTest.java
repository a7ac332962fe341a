package org.handoff.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports keep flowing through faults, and none is lost or handled twice. The agency systems post reports at
 * 5 per second through the public REST API while referral-service and health-service (a sector that both
 * reports and receives) are each killed with kill -9 and restarted by deploy/local/services.sh, and the broker
 * is killed with kill -9 and restarted by deploy/local/kafka.sh. Then every accepted report must be a case
 * with exactly the referrals the SOP rules make, each RECEIVED by its recipient system, the referring system
 * must see every one RECEIVED, no dead-letter topic may hold a record of this run, and every consumer group
 * must catch up. Runs last (junit-platform.properties orders classes by {@link Order}) and leaves every part it
 * killed running and ready again, even when it fails.
 */
@Order(Integer.MAX_VALUE)
class ChaosTest {

    /** The three agency systems: each posts reports to its own sector service with its client-credentials token. */
    enum Origin {
        POLICE("police-service", "police-system", "POLICE_SYSTEM_CLIENT_SECRET"),
        HEALTH("health-service", "health-system", "HEALTH_SYSTEM_CLIENT_SECRET"),
        SOCIAL("social-service", "social-system", "SOCIAL_SYSTEM_CLIENT_SECRET");

        final String service;
        final String client;
        final String secret;

        Origin(String service, String client, String secret) {
            this.service = service;
            this.client = client;
            this.secret = secret;
        }
    }

    private static final String BOOTSTRAP = System.getProperty("handoff.kafka", "localhost:9092");
    private static final Duration PERIOD = Duration.ofMillis(200);   // 5 reports/s
    private static final Duration MIN_LOAD = Duration.ofSeconds(60);
    private static final Duration MAX_LOAD = Duration.ofSeconds(100);
    private static final Duration PAUSE = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** Whether this test killed anything, and which parts it killed and has not seen up again. */
    private static volatile boolean touched;
    private static final Set<String> down = ConcurrentHashMap.newKeySet();

    /** One report sent: who sent it and the answer (null while outstanding). */
    record Sent(Origin origin, CompletableFuture<HttpResponse<String>> answer) {
        String caseId() {
            // a report sent while its intake service was down was refused (no connection): not accepted
            if (!answer.isDone() || answer.isCompletedExceptionally()) {
                return null;
            }
            HttpResponse<String> response = answer.join();
            return response.statusCode() == 201 ? JsonPath.from(response.body()).getString("caseId") : null;
        }
    }

    @Test
    void reportsSurviveKilledServicesAndABrokerRestartWithNothingLostOrDuplicated() throws Exception {
        Map<Origin, String> tokens = new EnumMap<>(Origin.class);
        for (Origin origin : Origin.values()) {
            tokens.put(origin, Stack.clientToken(origin.client, origin.secret));
        }
        Map<String, Long> dlqBefore = deadLetterEnds();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicInteger sequence = new AtomicInteger();
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        long loadStart = System.nanoTime();
        load.scheduleAtFixedRate(() -> {
            Origin origin = Origin.values()[sequence.getAndIncrement() % 3];
            sent.add(new Sent(origin, post(http, origin, tokens.get(origin))));
        }, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        try {
            TimeUnit.SECONDS.sleep(8);   // the flow is running before the first fault
            fault("referral-service", () -> StackParts.startService("referral-service"));
            TimeUnit.SECONDS.sleep(5);
            fault("health-service", () -> StackParts.startService("health-service"));
            TimeUnit.SECONDS.sleep(5);
            fault("kafka", StackParts::startKafka);
            // keep reporting a little after the last restart, for at least MIN_LOAD in all
            long end = Math.max(loadStart + MIN_LOAD.toNanos(), System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            TimeUnit.NANOSECONDS.sleep(Math.max(0, Math.min(end, loadStart + MAX_LOAD.toNanos()) - System.nanoTime()));
        } finally {
            load.shutdownNow();
            load.awaitTermination(5, TimeUnit.SECONDS);
        }
        // answers still outstanding time out after 30 s
        CompletableFuture.allOf(sent.stream().map(s -> s.answer().exceptionally(e -> null))
                .toArray(CompletableFuture[]::new)).get(40, TimeUnit.SECONDS);

        Map<String, Origin> accepted = new LinkedHashMap<>();
        Map<String, Integer> failures = new TreeMap<>();
        for (Sent s : sent) {
            String caseId = s.caseId();
            if (caseId != null) {
                accepted.put(caseId, s.origin());
            } else {
                failures.merge(failure(s), 1, Integer::sum);
            }
        }
        System.out.printf("ChaosTest: %d reports sent, %d accepted, not accepted: %s%n", sent.size(), accepted.size(), failures);
        for (Origin origin : Origin.values()) {
            assertTrue(accepted.containsValue(origin), origin.client + " had no report accepted at all: " + failures);
        }

        // every accepted report is a case with exactly its referrals, each RECEIVED by the recipient's system
        Map<String, Origin> pending = new LinkedHashMap<>(accepted);
        Map<String, String> seen = new HashMap<>();
        await("every accepted report a case with its referrals RECEIVED").atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptionsInstanceOf(IOException.class).untilAsserted(() -> {
                    pending.entrySet().removeIf(c -> {
                        Object view = referralStates(c.getKey(), tokens.get(c.getValue()));
                        seen.put(c.getKey(), String.valueOf(view));
                        return expected(c.getValue()).equals(view);
                    });
                    assertTrue(pending.isEmpty(), pending.size() + " of " + accepted.size() + " cases not (yet) as expected,"
                            + " e.g. " + examples(pending, seen));
                });

        // the referring system sees every referral RECEIVED (the closed loop over its own lifecycle topic)
        pending.putAll(accepted);
        await("every referring system sees its referrals RECEIVED").atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptionsInstanceOf(IOException.class).untilAsserted(() -> {
                    pending.entrySet().removeIf(c -> {
                        Object view = outgoingStates(c.getKey(), c.getValue(), tokens.get(c.getValue()));
                        seen.put(c.getKey(), String.valueOf(view));
                        return expected(c.getValue()).equals(view);
                    });
                    assertTrue(pending.isEmpty(), pending.size() + " of " + accepted.size() + " cases not (yet) closed at the"
                            + " origin, e.g. " + examples(pending, seen));
                });

        // every consumer has caught up: nothing is left to redeliver, so what referral-service shows now is final
        await("consumer lag 0 on every topic of deploy/kafka/topics.txt").atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions().untilAsserted(() -> assertEquals(Map.of(), lagging()));

        // and nothing was made twice: still exactly one referral per expected sector, each RECEIVED
        List<String> wrong = new ArrayList<>();
        accepted.forEach((caseId, origin) -> {
            Object central = referralStates(caseId, tokens.get(origin));
            if (!expected(origin).equals(central)) {
                wrong.add(caseId + " from " + origin + ": " + central);
            }
        });
        assertEquals(List.of(), wrong, "cases with a referral missing, duplicated or not RECEIVED once every consumer caught up");

        Map<String, Long> dlqAfter = deadLetterEnds();
        if (!dlqBefore.equals(dlqAfter)) {
            // only now read what was dead-lettered: consumer and reason from the records' headers
            assertEquals(dlqBefore, dlqAfter, "no record of this run may be dead-lettered; new ones: " + newDeadLetters(dlqBefore));
        }
    }

    /**
     * Leaves the stack as the test found it, whatever happened: a part it killed and did not see up again is
     * started again, and every service must be ready before any later test runs. A stack that was not running
     * in the first place (nothing killed) is left alone.
     */
    @AfterAll
    static void everyKilledPartRunningAgain() {
        if (!touched) {
            return;
        }
        // the broker first: a service is ready only once it reaches the broker
        AssertionError failed = null;
        for (String part : List.of("kafka", "referral-service", "health-service")) {
            if (down.contains(part) && StackParts.runningPid(part).isEmpty()) {
                try {
                    if (part.equals("kafka")) {
                        StackParts.startKafka();
                    } else {
                        StackParts.startService(part);
                    }
                } catch (AssertionError e) {
                    failed = failed == null ? e : failed;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        await("all five services ready").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() ->
                Stack.SERVICES.keySet().forEach(service ->
                        given().get(Stack.url(service) + "/q/health/ready").then().statusCode(200)));
    }

    /** kill -9 the part, a short pause, then the project's script starts it again and returns once it is ready. */
    private static void fault(String part, Runnable restart) throws InterruptedException {
        if (StackParts.runningPid(part).isEmpty()) {
            throw new AssertionError(part + " is not running: this test needs the stack of deploy/local/start.sh");
        }
        touched = true;
        down.add(part);
        long pid = StackParts.kill9(part);
        System.out.printf("ChaosTest %s: kill -9 %s (pid %d)%n", Instant.now(), part, pid);
        TimeUnit.NANOSECONDS.sleep(PAUSE.toNanos());
        restart.run();
        down.remove(part);
        System.out.printf("ChaosTest %s: %s up again (pid %s)%n", Instant.now(), part, StackParts.runningPid(part).orElse(null));
    }

    private static CompletableFuture<HttpResponse<String>> post(HttpClient http, Origin origin, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Stack.url(origin.service) + "/api/v1/reports"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(report())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String failure(Sent s) {
        if (!s.answer().isDone()) {
            return "no answer";
        }
        if (s.answer().isCompletedExceptionally()) {
            return s.answer().handle((r, e) -> (e instanceof CompletionException && e.getCause() != null ? e.getCause() : e)
                    .getClass().getSimpleName()).join();
        }
        return "HTTP " + s.answer().join().statusCode();
    }

    /**
     * Every report is HIGH risk (16 of 24 answers yes), a sexual assault 5 hours ago with injury, consent granted
     * to every sector: kz.yaml routes it to police and social (high risk) and health (sexual violence within 120 h),
     * so each report makes one referral to each of the two sectors other than the origin.
     */
    private static Map<String, String> expected(Origin origin) {
        Map<String, String> states = new TreeMap<>();
        for (Origin other : EnumSet.complementOf(EnumSet.of(origin))) {
            states.put(other.name(), "RECEIVED");
        }
        return states;
    }

    /** Recipient sector → state of the case's referrals in referral-service as the referring system sees them. */
    private static Object referralStates(String caseId, String token) {
        Response response = given().auth().oauth2(token).get(Stack.url("referral-service") + "/api/v1/cases/" + caseId);
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        return states(response.jsonPath().getList("referrals"));
    }

    /** Recipient sector → state of the case's referrals in the referring sector's closed-loop view. */
    private static Object outgoingStates(String caseId, Origin origin, String token) {
        Response response = given().auth().oauth2(token).queryParam("caseId", caseId).queryParam("size", 20)
                .get(Stack.url(origin.service) + "/api/v1/outgoing-referrals");
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        return states(response.jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(r -> caseId.equals(r.get("caseId"))).toList());
    }

    /** Sector → state, or the whole list when a sector appears twice (a duplicate never equals the expectation). */
    private static Object states(List<Map<String, Object>> referrals) {
        Map<String, String> states = new TreeMap<>();
        for (Map<String, Object> r : referrals) {
            if (states.put((String) r.get("recipientSector"), (String) r.get("state")) != null) {
                return "duplicated: " + referrals.stream().map(x -> x.get("recipientSector") + "=" + x.get("state")).toList();
            }
        }
        return states;
    }

    private static String examples(Map<String, Origin> pending, Map<String, String> seen) {
        return pending.keySet().stream().limit(5).map(c -> c + " from " + pending.get(c) + ": " + seen.get(c))
                .collect(Collectors.joining("; "));
    }

    // --- the broker, as its admin sees it --------------------------------------------------------------------

    private static Admin admin() throws IOException {
        Properties config = adminConfig();
        return Admin.create(config);
    }

    /** The admin (super) user's settings that kafka.sh writes for tools, with short timeouts. */
    private static Properties adminConfig() throws IOException {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(StackParts.LOCAL.resolve("var/kafka/admin.properties"))) {
            config.load(reader);
        }
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return config;
    }

    /** The event topics the broker is made with (deploy/kafka/topics.txt), without their dead-letter topics. */
    private static List<String> eventTopics() throws IOException {
        return Files.readAllLines(StackParts.ROOT.resolve("deploy/kafka/topics.txt")).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s+")[0])
                .filter(t -> !t.endsWith(".dlq")).toList();
    }

    private static List<String> deadLetterTopics() throws IOException {
        return eventTopics().stream().map(t -> t + ".dlq").toList();
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get(15, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** Records on each dead-letter topic so far (end offsets summed over its partitions). */
    private static Map<String, Long> deadLetterEnds() throws Exception {
        try (Admin admin = admin()) {
            Map<String, Long> byTopic = new TreeMap<>();
            ends(admin, deadLetterTopics()).forEach((tp, end) -> byTopic.merge(tp.topic(), end, Long::sum));
            return byTopic;
        }
    }

    /** "group topic" → messages not yet committed, for every group with committed offsets on an event topic. */
    private static Map<String, Long> lagging() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> ends = ends(admin, eventTopics());
            Map<String, Long> lag = new TreeMap<>();
            for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(15, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
                committed.forEach((tp, at) -> {
                    if (at != null && ends.containsKey(tp) && ends.get(tp) > at.offset()) {
                        lag.merge(group.groupId() + " " + tp.topic(), ends.get(tp) - at.offset(), Long::sum);
                    }
                });
            }
            return lag;
        }
    }

    /** The records dead-lettered since {@code before}, with the consumer and reason their headers name. */
    private static List<String> newDeadLetters(Map<String, Long> before) throws Exception {
        Properties config = adminConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> found = new ArrayList<>();
        try (Admin admin = admin(); KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            Map<TopicPartition, Long> ends = ends(admin, deadLetterTopics());
            // dead-letter topics have one partition (topics.txt), so the topic's growth is the partition's
            List<TopicPartition> grown = ends.keySet().stream()
                    .filter(tp -> ends.get(tp) > before.getOrDefault(tp.topic(), 0L)).toList();
            if (grown.isEmpty()) {
                return found;
            }
            consumer.assign(grown);
            grown.forEach(tp -> consumer.seek(tp, Math.min(ends.get(tp), before.getOrDefault(tp.topic(), 0L))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (found.size() < 20 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    found.add(r.topic() + "@" + r.offset() + " consumer=" + header(r, "dead-letter-consumer")
                            + " reason=" + header(r, "dead-letter-reason"));
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    // --- the report ------------------------------------------------------------------------------------------

    private static String report() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Instant incident = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String answers = Stack.riskAnswers(16);
        String consents = Stream.of(Origin.values()).map(Origin::name)
                .map(s -> "{\"sector\":\"" + s + "\",\"dataCategories\":[\"CONTACT\",\"INCIDENT\",\"RISK_ASSESSMENT\",\"HEALTH\"],"
                        + "\"granted\":true}").collect(Collectors.joining(","));
        return """
                {
                  "region": "KZ-ALA",
                  "survivor": {
                    "fullName": "Chaos Survivor %d",
                    "phone": "+7 702 %03d %04d",
                    "ageYears": 29,
                    "preferredLanguage": "kk",
                    "safeContact": {"method": "SMS", "canLeaveMessage": true,
                                    "safeFrom": "10:00:00", "safeTo": "17:00:00", "timeZone": "Asia/Almaty"}
                  },
                  "incident": {"type": "SEXUAL_ASSAULT", "occurredAt": "%s", "injuryReported": true,
                               "priorIncidentsLast12Months": 1},
                  "risk": {"answers": {%s}},
                  "consents": [%s],
                  "servicesRequested": ["MEDICAL_CARE", "SHELTER"]
                }
                """.formatted(random.nextInt(1_000_000), random.nextInt(1000), random.nextInt(10000), incident, answers,
                consents);
    }
}
