package org.handoff.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Test access to the contract files: schemas, golden JSON, the AsyncAPI document. */
final class Contract {

    static final String SCHEMA_DIR = "schemas/";
    static final String GOLDEN_DIR = "golden/";
    static final String COMMON_SCHEMA = "common.schema.json";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private Contract() {
    }

    static ObjectMapper json() {
        return EventJson.mapper();
    }

    static String schemaFile(String type) {
        return type + ".schema.json";
    }

    static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:" + SCHEMA_DIR + schemaFile(t)), CONFIG);
            schema.initializeValidators(); // resolve every $ref now, so a broken one fails here
            return schema;
        });
    }

    static Set<ValidationMessage> validate(String type, JsonNode payload) {
        return schema(type).validate(payload);
    }

    static boolean exists(String resource) {
        return Contract.class.getClassLoader().getResource(resource) != null;
    }

    static JsonNode readJson(String resource) {
        try (InputStream in = open(resource)) {
            return json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream open(String resource) {
        InputStream in = Contract.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no resource " + resource);
        }
        return in;
    }

    static Path directory(String resource) {
        URL url = Contract.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no resource directory " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> list(String resourceDir) {
        try (Stream<Path> files = Files.list(directory(resourceDir))) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Golden files: {@code <type>.json}, plus variants {@code <type>--<variant>.json}. */
    static List<String> goldenFiles() {
        return list(GOLDEN_DIR).stream().filter(f -> f.endsWith(".json")).collect(Collectors.toList());
    }

    static String typeOfGolden(String file) {
        String base = file.substring(0, file.length() - ".json".length());
        int variant = base.indexOf("--");
        return variant < 0 ? base : base.substring(0, variant);
    }

    static JsonNode golden(String file) {
        return readJson(GOLDEN_DIR + file);
    }

    /**
     * Asserts two JSON trees are equal as JSON: numbers compare by value (an int in a golden file equals
     * the long a record writes), object member order does not matter, array order does.
     */
    static void assertSameJson(JsonNode expected, JsonNode actual, String message) {
        Comparator<JsonNode> byValue = (a, b) -> {
            if (a.isNumber() && b.isNumber()) {
                return a.decimalValue().compareTo(b.decimalValue());
            }
            return a.equals(b) ? 0 : 1;
        };
        if (!expected.equals(byValue, actual)) {
            throw new AssertionFailedError(message, expected.toPrettyString(), actual.toPrettyString());
        }
    }

    static Class<? extends HandoffEvent> payloadClass(String type) {
        return EventTypes.payloadClass(type).orElseThrow(() -> new AssertionError("unknown type " + type));
    }
}
