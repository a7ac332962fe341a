package org.handoff.console.i18n;

import io.quarkus.qute.i18n.Message;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text exists in every shipped language, with the same placeholders: no page shows a key or a hole. */
class MessagesTest {

    static final Path MESSAGES = Path.of("src/main/resources/messages");

    static List<Method> keys() {
        return Arrays.stream(Msg.class.getDeclaredMethods()).filter(m -> !m.isSynthetic()).toList();
    }

    static List<Path> translations() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.filter(f -> f.getFileName().toString().matches("msg_[a-z]{2}\\.properties")).sorted().toList();
        }
    }

    static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishHasEveryTextInTheBundle() {
        for (Method key : keys()) {
            Message message = key.getAnnotation(Message.class);
            assertNotNull(message, key.getName());
            assertFalse(message.value().isBlank(), key.getName());
        }
    }

    @Test
    void russianIsShipped() throws IOException {
        assertTrue(translations().contains(MESSAGES.resolve("msg_ru.properties")));
    }

    @Test
    void everyTranslationHasExactlyTheKeysOfTheBundle() throws IOException {
        Set<String> expected = keys().stream().map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        for (Path file : translations()) {
            assertEquals(expected, new TreeSet<>(load(file).stringPropertyNames()), file.getFileName().toString());
        }
    }

    @Test
    void everyTranslationUsesTheParametersOfItsText() throws IOException {
        for (Path file : translations()) {
            Properties texts = load(file);
            for (Method key : keys()) {
                String text = texts.getProperty(key.getName(), "");
                assertFalse(text.isBlank(), file.getFileName() + ": " + key.getName());
                for (Parameter parameter : key.getParameters()) {
                    // {name} or a section on it ({#when name}); -parameters keeps the names (parent pom)
                    assertTrue(text.contains("{" + parameter.getName() + "}") || text.contains("{#when " + parameter.getName() + "}"),
                            file.getFileName() + ": " + key.getName() + " uses " + parameter.getName());
                }
            }
        }
    }
}
