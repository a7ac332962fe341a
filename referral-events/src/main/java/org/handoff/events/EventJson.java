package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/**
 * The JSON form of events: ISO-8601 times, absent rather than null fields, unknown fields ignored.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private EventJson() {
    }

    /** A shared, preconfigured mapper. Thread-safe; do not reconfigure it (use {@link #configure}). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Applies the event settings to a mapper (e.g. a framework's own): JavaTimeModule, ISO-8601 times,
     * unknown properties ignored, null fields left out.
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
        return mapper;
    }

    /** Serialises a payload to UTF-8 JSON. */
    public static byte[] toBytes(Object payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + payload.getClass().getName(), e);
        }
    }

    /** Serialises a payload to a JSON string. */
    public static String toJson(Object payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + payload.getClass().getName(), e);
        }
    }

    /** Reads a payload of a known record type. */
    public static <T> T read(byte[] json, Class<T> type) {
        if (json == null) {
            throw new InvalidEventException("no payload for " + type.getSimpleName());
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventException("invalid " + type.getSimpleName() + " payload: " + e.getMessage(), e);
        }
    }

    /** Reads a payload by its CloudEvents type ({@code ce_type}). */
    public static HandoffEvent read(String ceType, byte[] json) {
        Class<? extends HandoffEvent> type = EventTypes.payloadClass(ceType)
                .orElseThrow(() -> new InvalidEventException("unknown event type: " + ceType));
        return read(json, type);
    }
}
