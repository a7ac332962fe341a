package org.handoff.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** asyncapi.yaml is valid AsyncAPI 3.0.0 and describes exactly the topics and events of the code. */
class AsyncApiTest {

    private static JsonNode doc;

    @BeforeAll
    static void parse() throws Exception {
        try (InputStream in = Contract.open("asyncapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void parsesAsAsyncApi3() {
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        assertFalse(doc.path("info").path("title").asText().isBlank());
        assertEquals("application/json", doc.path("defaultContentType").asText());
    }

    @Test
    void isValidAgainstTheAsyncApi300Schema() {
        // the official JSON Schema of AsyncAPI 3.0.0 (from @asyncapi/specs), kept as a test resource
        Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:asyncapi/asyncapi-3.0.0.schema.json"))
                .validate(doc);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void theAsyncApiSchemaCheckCanFail() {
        ObjectNode broken = doc.deepCopy();
        ((ObjectNode) broken.path("operations").elements().next()).put("action", "publish"); // AsyncAPI 2 wording
        ((ObjectNode) broken.path("channels").elements().next()).put("address", 42);
        Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:asyncapi/asyncapi-3.0.0.schema.json"))
                .validate(broken);
        assertTrue(errors.stream().anyMatch(m -> m.getInstanceLocation().toString().contains("action")), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.getInstanceLocation().toString().contains("address")), errors.toString());
    }

    @Test
    void everyRefResolves() {
        List<String> problems = new ArrayList<>();
        Set<String> files = new TreeSet<>();
        checkRefs(doc, problems, files);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        Set<String> expected = new TreeSet<>();
        EventTypes.PAYLOAD_TYPES.keySet().forEach(t -> expected.add(Contract.SCHEMA_DIR + Contract.schemaFile(t)));
        assertEquals(expected, files, "the document references every event schema and nothing else");
    }

    @Test
    void channelsAreExactlyTheTopicsWithTheirEventTypes() {
        Map<String, Set<String>> byAddress = new HashMap<>();
        doc.path("channels").properties().forEach(e -> {
            JsonNode channel = e.getValue();
            String address = channel.path("address").asText();
            assertEquals(address, channel.path("bindings").path("kafka").path("topic").asText(), e.getKey());
            Set<String> types = new HashSet<>();
            channel.path("messages").forEach(ref -> types.add(ceType(resolve(ref))));
            byAddress.put(address, types);
        });
        assertEquals(new TreeSet<>(Topics.allWithDlq()), new TreeSet<>(byAddress.keySet()));
        byAddress.forEach((address, types) -> assertEquals(Topics.eventTypes(address), types, address));
    }

    @Test
    void everyMessageCarriesKeyHeadersAndItsSchema() {
        doc.path("components").path("messages").properties().forEach(e -> {
            JsonNode message = e.getValue();
            String type = ceType(message);
            assertTrue(EventTypes.PAYLOAD_TYPES.containsKey(type), e.getKey() + ": " + type);
            assertEquals("./" + Contract.SCHEMA_DIR + Contract.schemaFile(type), message.path("payload").path("$ref").asText());
            JsonNode key = message.path("bindings").path("kafka").path("key");
            assertEquals("string", key.path("type").asText(), e.getKey() + " key");
            assertEquals("uuid", key.path("format").asText(), e.getKey() + " key is the case id");
            String headers = message.path("headers").toString();
            assertTrue(headers.contains("#/components/schemas/CloudEventHeaders"), e.getKey());
            assertEquals(e.getKey().endsWith("DeadLetter"), headers.contains("#/components/schemas/DeadLetterHeaders"),
                    e.getKey());
            assertEquals("application/json", message.path("contentType").asText());
        });
    }

    @Test
    void headerSchemasMatchTheConstants() {
        JsonNode ce = doc.path("components").path("schemas").path("CloudEventHeaders");
        Set<String> required = new TreeSet<>();
        ce.path("required").forEach(n -> required.add(n.asText()));
        assertEquals(new TreeSet<>(Set.of(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.HEADER_ID, CloudEvents.HEADER_TYPE,
                CloudEvents.HEADER_SOURCE, CloudEvents.HEADER_TIME, CloudEvents.HEADER_SUBJECT,
                CloudEvents.HEADER_CORRELATION_ID, CloudEvents.HEADER_CONTENT_TYPE)), required);
        assertEquals(CloudEvents.SPEC_VERSION, ce.path("properties").path("ce_specversion").path("const").asText());
        assertTrue(ce.path("properties").has(CloudEvents.HEADER_TRACEPARENT));

        Set<String> deadLetter = new TreeSet<>();
        doc.path("components").path("schemas").path("DeadLetterHeaders").path("properties").fieldNames()
                .forEachRemaining(deadLetter::add);
        assertEquals(new TreeSet<>(Set.of(DeadLetterHeaders.REASON, DeadLetterHeaders.CAUSE,
                DeadLetterHeaders.EXCEPTION_CLASS_NAME, DeadLetterHeaders.CAUSE_CLASS_NAME, DeadLetterHeaders.TOPIC,
                DeadLetterHeaders.PARTITION, DeadLetterHeaders.OFFSET, DeadLetterHeaders.CONSUMER, DeadLetterHeaders.ATTEMPTS)), deadLetter);
    }

    @Test
    void everyChannelIsSentAndReceivedAndOperationsUseTheirChannelsMessages() {
        Map<String, Set<String>> actions = new HashMap<>();
        doc.path("operations").properties().forEach(e -> {
            JsonNode op = e.getValue();
            String channelRef = op.path("channel").path("$ref").asText();
            actions.computeIfAbsent(channelRef, k -> new HashSet<>()).add(op.path("action").asText());
            assertFalse(op.path("tags").path(0).path("name").asText().isBlank(), e.getKey() + " names its service");
            assertTrue(op.path("messages").size() > 0, e.getKey());
            op.path("messages").forEach(m ->
                    assertTrue(m.path("$ref").asText().startsWith(channelRef + "/messages/"), e.getKey() + ": " + m));
        });
        doc.path("channels").fieldNames().forEachRemaining(id ->
                assertEquals(Set.of("send", "receive"), actions.get("#/channels/" + id), id));
    }

    @Test
    void inboxesAreOnlyReadByTheirSector() {
        for (Sector sector : Sector.values()) {
            String channelRef = "#/channels/" + sector.id() + "Inbox";
            doc.path("operations").properties().forEach(e -> {
                JsonNode op = e.getValue();
                if (op.path("channel").path("$ref").asText().equals(channelRef)
                        && op.path("action").asText().equals("receive")) {
                    assertEquals(sector.id() + "-service", op.path("tags").path(0).path("name").asText(), e.getKey());
                }
            });
        }
    }

    @Test
    void eachLifecycleIsReadOnlyByItsSectorAndNotificationService() {
        for (Sector sector : Sector.values()) {
            String sectorService = sector.id() + "-service";
            assertEquals(Set.of("referral-service"), services("#/channels/" + sector.id() + "Lifecycle", "send"),
                    sector.name());
            assertEquals(Set.of(sectorService, "notification-service"),
                    services("#/channels/" + sector.id() + "Lifecycle", "receive"), sector.name());
            // every consumer dead-letters to the record's own topic, so the DLQ has the same writers
            assertEquals(Set.of(sectorService, "notification-service"),
                    services("#/channels/" + sector.id() + "LifecycleDlq", "send"), sector.name());
        }
    }

    /** The services (operation tags) that perform an action on a channel. */
    private static Set<String> services(String channelRef, String action) {
        Set<String> services = new TreeSet<>();
        doc.path("operations").forEach(op -> {
            if (op.path("channel").path("$ref").asText().equals(channelRef) && op.path("action").asText().equals(action)) {
                services.add(op.path("tags").path(0).path("name").asText());
            }
        });
        return services;
    }

    private static String ceType(JsonNode message) {
        for (JsonNode part : message.path("headers").path("allOf")) {
            JsonNode type = part.path("properties").path("ce_type").path("const");
            if (!type.isMissingNode()) {
                return type.asText();
            }
        }
        throw new AssertionError("message without a ce_type const: " + message);
    }

    private static JsonNode resolve(JsonNode refNode) {
        String ref = refNode.path("$ref").asText();
        JsonNode target = doc.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new AssertionError("dangling " + ref);
        }
        return target.has("$ref") ? resolve(target) : target;
    }

    private static void checkRefs(JsonNode node, List<String> problems, Set<String> files) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                String value = ref.asText();
                if (value.startsWith("#")) {
                    if (doc.at(value.substring(1)).isMissingNode()) {
                        problems.add("dangling " + value);
                    }
                } else {
                    int hash = value.indexOf('#');
                    String file = (hash < 0 ? value : value.substring(0, hash)).replaceFirst("^\\./", "");
                    if (!file.startsWith(Contract.SCHEMA_DIR) || !Contract.exists(file)) {
                        problems.add("missing schema file " + value);
                    } else {
                        files.add(file);
                        if (hash >= 0 && Contract.readJson(file).at(value.substring(hash + 1)).isMissingNode()) {
                            problems.add("dangling fragment " + value);
                        }
                    }
                }
            }
            node.properties().forEach(e -> checkRefs(e.getValue(), problems, files));
        } else if (node.isArray()) {
            node.forEach(child -> checkRefs(child, problems, files));
        }
    }
}
