package org.handoff.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A country's SOP rule file, the one source of its routing rules, deadlines and risk scale: bundled as
 * {@code routing/<country>.yaml} on the classpath (this module's resources), or a file on disk for a
 * country's own SOPs. referral-service reads all of it; the sector services read its {@code risk:} section.
 * Keys are kebab-case; an unknown key fails the read, so a misspelt rule is refused at start-up.
 */
public final class RuleFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RuleFiles() {
    }

    /** The whole file as {@code type}: the file on disk if given, else the country's bundled one. */
    public static <T> T read(Optional<String> file, String country, Class<T> type) {
        return convert(tree(file, country), type, name(file, country));
    }

    /** The country's risk scale, the file's {@code risk:} section. */
    public static RiskScale riskScale(Optional<String> file, String country) {
        JsonNode risk = tree(file, country).get("risk");
        if (risk == null) {
            throw new IllegalStateException("routing rule file " + name(file, country) + ": the risk section is missing");
        }
        try {
            // every threshold must be given: a misspelt key would otherwise leave one 0
            return YAML.readerFor(RiskScale.class).with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES).readValue(risk);
        } catch (IOException e) {
            throw new IllegalStateException("routing rule file " + name(file, country) + ": "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()), e);
        }
    }

    private static JsonNode tree(Optional<String> file, String country) {
        String name = name(file, country);
        try (InputStream in = file.isPresent() ? Files.newInputStream(Path.of(file.get()))
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no routing rule file for country " + country + " (" + name + ")");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("routing rule file " + name + " is unreadable", e);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type, String name) {
        try {
            return YAML.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("routing rule file " + name + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String name(Optional<String> file, String country) {
        return file.orElseGet(() -> "routing/" + country.toLowerCase(Locale.ROOT) + ".yaml");
    }
}
