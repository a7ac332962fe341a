package org.handoff.referral.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import org.handoff.referral.service.RoutingRules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

public class RoutingRulesProducer {

    @Produces
    @Singleton
    RoutingRules rules(RoutingConfig config) {
        return config.rulesFile().map(file -> read(Path.of(file))).orElseGet(() -> bundled(config.country()));
    }

    static RoutingRules bundled(String country) {
        String resource = "routing/" + country.toLowerCase(Locale.ROOT) + ".yaml";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no routing rule file for country " + country + " (" + resource + ")");
            }
            return mapper().readValue(in, RoutingRules.class).validate();
        } catch (IOException e) {
            throw new UncheckedIOException("routing rule file " + resource + " is unreadable", e);
        }
    }

    static RoutingRules read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return mapper().readValue(in, RoutingRules.class).validate();
        } catch (IOException e) {
            throw new UncheckedIOException("routing rule file " + file + " is unreadable", e);
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
