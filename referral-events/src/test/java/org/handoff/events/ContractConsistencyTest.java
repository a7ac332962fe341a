package org.handoff.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing drifts: every event type has a record, a schema, a golden file, a topic and an AsyncAPI message. */
class ContractConsistencyTest {

    @TestFactory
    Stream<DynamicTest> everyTypeHasSchemaGoldenAndAsyncApiEntry() throws IOException {
        String asyncApi = asyncApiText();
        return EventTypes.PAYLOAD_TYPES.keySet().stream().map(type -> DynamicTest.dynamicTest(type, () -> {
            assertTrue(Contract.exists(Contract.SCHEMA_DIR + Contract.schemaFile(type)), "schema for " + type);
            assertTrue(Contract.exists(Contract.GOLDEN_DIR + type + ".json"), "golden file for " + type);
            assertTrue(asyncApi.contains("const: " + type + "\n"), "asyncapi.yaml message for " + type);
            assertTrue(asyncApi.contains("./schemas/" + Contract.schemaFile(type)), "asyncapi.yaml payload for " + type);
            assertTrue(Contract.schema(type).getSchemaNode().isObject(), "schema loads with all its $refs");
        }));
    }

    @Test
    void everySchemaFileBelongsToAType() {
        Set<String> expected = new TreeSet<>();
        EventTypes.PAYLOAD_TYPES.keySet().forEach(t -> expected.add(Contract.schemaFile(t)));
        expected.add(Contract.COMMON_SCHEMA);
        assertEquals(expected, new TreeSet<>(Contract.list(Contract.SCHEMA_DIR)));
    }

    @Test
    void everyGoldenFileBelongsToAType() {
        for (String file : Contract.goldenFiles()) {
            assertTrue(EventTypes.PAYLOAD_TYPES.containsKey(Contract.typeOfGolden(file)), "unknown type for " + file);
        }
    }

    @Test
    void everySchemaRefPointsAtAnExistingDefinition() {
        List<String> problems = new ArrayList<>();
        for (String file : Contract.list(Contract.SCHEMA_DIR)) {
            collectRefs(Contract.readJson(Contract.SCHEMA_DIR + file), problems, file);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyTypeRidesOnATopicAndEveryTopicCarriesKnownTypes() {
        Set<String> carried = new HashSet<>();
        for (String topic : Topics.ALL) {
            Set<String> types = Topics.eventTypes(topic);
            assertTrue(!types.isEmpty(), topic + " carries no event type");
            assertTrue(EventTypes.PAYLOAD_TYPES.keySet().containsAll(types), topic + ": " + types);
            carried.addAll(types);
        }
        assertEquals(EventTypes.PAYLOAD_TYPES.keySet(), carried);
    }

    @Test
    void typeNamesFollowTheConvention() {
        for (String type : EventTypes.PAYLOAD_TYPES.keySet()) {
            assertTrue(type.matches("^org\\.handoff\\.[a-z]+\\.[a-z-]+\\.v[0-9]+$"), type);
        }
        assertEquals(EventTypes.PAYLOAD_TYPES.size(), new HashSet<>(EventTypes.PAYLOAD_TYPES.values()).size(),
                "one record per type");
    }

    private static void collectRefs(JsonNode node, List<String> problems, String file) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                String value = ref.asText();
                int hash = value.indexOf('#');
                String target = hash < 0 ? value : value.substring(0, hash);
                String pointer = hash < 0 ? "" : value.substring(hash + 1);
                JsonNode document = target.isEmpty() ? null : Contract.exists(Contract.SCHEMA_DIR + target)
                        ? Contract.readJson(Contract.SCHEMA_DIR + target) : null;
                if (document == null || document.at(pointer).isMissingNode()) {
                    problems.add(file + ": dangling $ref " + value);
                }
            }
            node.properties().forEach(e -> collectRefs(e.getValue(), problems, file));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, problems, file));
        }
    }

    static String asyncApiText() throws IOException {
        try (InputStream in = Contract.open("asyncapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
