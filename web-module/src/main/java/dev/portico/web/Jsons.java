package dev.portico.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.Reader;
import java.util.Map;

/**
 * JSON-P factories made once: {@code Jsons.object()} looks the provider up anew on
 * every call, which shows on the webhook's hot path.
 */
public final class Jsons {

    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private Jsons() {
    }

    public static JsonObjectBuilder object() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return BUILDERS.createArrayBuilder();
    }

    /** Adds {@code value} as a string ({@code toString()}, so instants read as ISO-8601), or JSON null. */
    public static JsonObjectBuilder addOrNull(JsonObjectBuilder json, String name, Object value) {
        return value == null ? json.addNull(name) : json.add(name, value.toString());
    }

    public static JsonReader reader(Reader source) {
        return READERS.createReader(source);
    }
}
