package dev.portico.web;

import dev.portico.web.error.ApiError;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;

/** Reads request bodies that must be one JSON object with known fields, refusing anything else clearly. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * The body (read within its limit by {@link BodyLimit}) as an object of only {@code fields}:
     * 400 INVALID_JSON / INVALID_REQUEST otherwise. Nesting deeper than the JSON parser's limit
     * (Parsson: 1000 levels) is invalid JSON.
     */
    public static JsonObject object(String body, Set<String> fields) {
        JsonValue value;
        try (JsonReader reader = Jsons.reader(new StringReader(body))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // JsonException for malformed input; Parsson's depth limit throws a plain RuntimeException.
            throw new ApiError(400, "INVALID_JSON", "The request body is not valid JSON.");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiError.invalidRequest("The request body must be a JSON object.");
        }
        JsonObject json = value.asJsonObject();
        json.keySet().stream().filter(key -> !fields.contains(key)).findFirst().ifPresent(key -> {
            throw ApiError.invalidRequest("Unknown field '" + key + "'; allowed: " + String.join(", ", fields.stream().sorted().toList()) + ".");
        });
        return json;
    }

    /** A string field, empty when absent or null; 400 INVALID_REQUEST when of another type. */
    public static Optional<String> optionalString(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw ApiError.invalidRequest("'" + field + "' must be a string.");
        }
        return Optional.of(json.getString(field));
    }
}
