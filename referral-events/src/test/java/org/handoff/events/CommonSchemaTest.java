package org.handoff.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared definitions agree with the Java enums and the patterns the records enforce. */
class CommonSchemaTest {

    private final JsonNode defs = Contract.readJson(Contract.SCHEMA_DIR + Contract.COMMON_SCHEMA).path("$defs");

    @Test
    void everyJavaEnumHasTheSameValuesInTheCommonSchema() throws Exception {
        List<Class<?>> enums = javaEnums();
        assertTrue(enums.size() >= 19, "found enums " + enums);
        List<String> problems = new ArrayList<>();
        for (Class<?> type : enums) {
            JsonNode def = defs.path(type.getSimpleName());
            List<String> schemaValues = new ArrayList<>();
            def.path("enum").forEach(v -> schemaValues.add(v.asText()));
            List<String> javaValues = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            if (!javaValues.equals(schemaValues)) {
                problems.add(type.getSimpleName() + ": java " + javaValues + ", schema " + schemaValues);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyEnumDefinitionIsAJavaEnum() throws Exception {
        Set<String> javaNames = new TreeSet<>();
        javaEnums().forEach(e -> javaNames.add(e.getSimpleName()));
        Set<String> schemaNames = new TreeSet<>();
        defs.properties().forEach(e -> {
            if (e.getValue().has("enum")) {
                schemaNames.add(e.getKey());
            }
        });
        assertEquals(javaNames, schemaNames);
    }

    @Test
    void patternsMatchTheRecordChecks() {
        Map<String, Pattern> checks = Map.of(
                "Region", Checks.REGION,
                "SurvivorRef", Checks.SURVIVOR_REF,
                "MatchKeyHash", Checks.MATCH_KEY_HASH,
                "Language", Checks.LANGUAGE);
        checks.forEach((def, pattern) ->
                assertEquals(pattern.pattern(), defs.path(def).path("pattern").asText(), def));
        assertEquals(Checks.MAX_TEXT, defs.path("Text").path("maxLength").asInt());
        assertEquals(Checks.MAX_TEXT, defs.path("AgencyId").path("maxLength").asInt());
    }

    @Test
    void riskChecklistHas24Items() {
        assertEquals(24, RiskItem.values().length);
        assertEquals(24, defs.path("RiskItem").path("enum").size());
    }

    /** The enums of org.handoff.events, found in the compiled classes. */
    static List<Class<?>> javaEnums() throws IOException, ClassNotFoundException {
        Path dir = Path.of(Sector.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
                "org", "handoff", "events");
        List<Class<?>> enums = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> type = Class.forName("org.handoff.events." + name.replace(".class", ""));
                    if (type.isEnum()) {
                        enums.add(type);
                    }
                }
            }
        }
        return enums;
    }
}
