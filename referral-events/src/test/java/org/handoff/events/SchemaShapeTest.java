package org.handoff.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each schema describes exactly its record, recursively: the same property names as the record's
 * components, enums referring to the shared definition of the same Java enum, nested records to
 * object schemas of the same shape, collections to arrays.
 */
class SchemaShapeTest {

    private static final String COMMON_REF = Contract.COMMON_SCHEMA + "#/$defs/";

    @TestFactory
    Stream<DynamicTest> schemaPropertiesMatchRecordComponents() {
        return EventTypes.PAYLOAD_TYPES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            JsonNode schema = Contract.readJson(Contract.SCHEMA_DIR + Contract.schemaFile(e.getKey()));
            List<String> problems = new ArrayList<>();
            compare(e.getValue(), schema, e.getValue().getSimpleName(), problems);
            assertTrue(problems.isEmpty(), String.join("\n", problems));
            assertEquals(e.getValue().getSimpleName(), schema.path("title").asText(), "schema title");
            assertTrue(schema.path("description").asText().startsWith(e.getKey() + ": "), "description names the type");
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        }));
    }

    private static void compare(Class<?> record, JsonNode schema, String path, List<String> problems) {
        schema = resolve(schema);
        if (!"object".equals(schema.path("type").asText())) {
            problems.add(path + ": schema is not an object");
            return;
        }
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            components.add(component.getName());
        }
        Set<String> properties = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        if (!components.equals(properties)) {
            problems.add(path + ": record components " + components + " but schema properties " + properties);
        }
        if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
            problems.add(path + ": additionalProperties must be allowed (additive evolution)");
        }
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(component.getName());
            if (!property.isMissingNode()) {
                compareType(component.getGenericType(), property, path + "." + component.getName(), problems);
            }
        }
    }

    private static void compareType(Type type, JsonNode property, String path, List<String> problems) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (Collection.class.isAssignableFrom(raw)) {
            JsonNode resolved = resolve(property);
            if (!"array".equals(resolved.path("type").asText())) {
                problems.add(path + ": a collection but not an array schema");
                return;
            }
            if (Set.class.isAssignableFrom(raw) && !resolved.path("uniqueItems").asBoolean()) {
                problems.add(path + ": a set but uniqueItems is not true");
            }
            compareType(((ParameterizedType) type).getActualTypeArguments()[0], resolved.path("items"), path + "[]",
                    problems);
        } else if (Map.class.isAssignableFrom(raw)) {
            JsonNode resolved = resolve(property);
            Type key = ((ParameterizedType) type).getActualTypeArguments()[0];
            if (!"object".equals(resolved.path("type").asText())) {
                problems.add(path + ": a map but not an object schema");
            }
            expectEnumRef((Class<?>) key, resolved.path("propertyNames"), path + "{key}", problems);
        } else if (raw.isEnum()) {
            expectEnumRef(raw, property, path, problems);
        } else if (raw.isRecord()) {
            compare(raw, property, path, problems);
        } else {
            String expected = jsonType(raw);
            String actual = resolve(property).path("type").asText();
            if (!expected.equals(actual)) {
                problems.add(path + ": " + raw.getSimpleName() + " should be " + expected + " but is " + actual);
            }
        }
    }

    private static void expectEnumRef(Class<?> enumType, JsonNode property, String path, List<String> problems) {
        String ref = property.path("$ref").asText();
        if (!ref.equals(COMMON_REF + enumType.getSimpleName())) {
            problems.add(path + ": enum " + enumType.getSimpleName() + " should use $ref " + COMMON_REF
                    + enumType.getSimpleName() + " but has '" + ref + "'");
        }
    }

    private static String jsonType(Class<?> raw) {
        if (raw == Integer.class || raw == Long.class || raw == int.class || raw == long.class) {
            return "integer";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "boolean";
        }
        return "string"; // String, UUID, Instant, LocalTime, ZoneId
    }

    /** Follows a $ref into the shared definitions (one level is all the contract uses). */
    static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.startsWith(COMMON_REF)) {
            JsonNode target = Contract.readJson(Contract.SCHEMA_DIR + Contract.COMMON_SCHEMA)
                    .path("$defs").path(ref.substring(COMMON_REF.length()));
            if (target.isMissingNode()) {
                throw new AssertionError("dangling $ref " + ref);
            }
            return target;
        }
        if (!ref.isEmpty()) {
            throw new AssertionError("unexpected $ref " + ref);
        }
        return node;
    }
}
