package org.handoff.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consumers ignore unknown fields, at any depth: a later, additive version reads the same. */
class UnknownFieldsTest {

    /** A default Jackson mapper fails on unknown properties; the records' own annotation must win. */
    private static final ObjectMapper STRICT = new ObjectMapper().registerModule(new JavaTimeModule());

    static List<String> goldenFiles() {
        return Contract.goldenFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void unknownFieldsAreIgnoredAtEveryLevel(String file) throws Exception {
        String type = Contract.typeOfGolden(file);
        Class<? extends HandoffEvent> payload = Contract.payloadClass(type);
        JsonNode golden = Contract.golden(file);
        ObjectNode extended = golden.deepCopy();
        int added = addUnknownFields(extended, "");

        HandoffEvent expected = Contract.json().treeToValue(golden, payload);
        assertTrue(added > 0);
        assertEquals(expected, Contract.json().treeToValue(extended, payload), "EventJson mapper, " + file);
        assertEquals(expected, STRICT.treeToValue(extended, payload), "strict default mapper, " + file);
        assertEquals(expected, EventJson.read(type, Contract.json().writeValueAsBytes(extended)));
        assertTrue(Contract.validate(type, extended).isEmpty(), "schemas allow additional properties: " + file);
    }

    /** Adds a future field to every object that maps to a record (not to the checklist answers map). */
    private static int addUnknownFields(JsonNode node, String field) {
        int added = 0;
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> children = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> child : children) {
                added += addUnknownFields(child.getValue(), child.getKey());
            }
            if (!field.equals("answers")) {
                object.put("futureField", "from v1.1");
                object.putObject("futureObject").put("nested", 1).putArray("list").add("x");
                added++;
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                added += addUnknownFields(element, field);
            }
        }
        return added;
    }
}
