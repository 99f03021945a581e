package dev.portico.billing.control;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a JSON value against the part of OpenAPI's schema language Stripe's spec uses for form
 * parameters: {@code type}, {@code properties}, {@code additionalProperties}, {@code required},
 * {@code enum}, {@code anyOf}, {@code items}, {@code maxLength}. Each problem names the field by
 * its path ({@code features.subscription_cancel.mode}).
 */
public final class ParamsSchema {

    private final JsonObject schema;

    public ParamsSchema(JsonObject schema) {
        this.schema = schema;
    }

    /** What is wrong with the value, field by field; empty when it conforms. */
    public List<String> problems(JsonElement value) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "", problems);
        return problems;
    }

    private static void check(JsonElement value, JsonObject schema, String path, List<String> problems) {
        if (schema.has("anyOf")) {
            for (JsonElement option : schema.getAsJsonArray("anyOf")) {
                List<String> tried = new ArrayList<>();
                check(value, option.getAsJsonObject(), path, tried);
                if (tried.isEmpty()) {
                    return;
                }
            }
            problems.add(name(path) + ": " + describe(schema) + " expected");
            return;
        }
        String type = schema.has("type") ? schema.get("type").getAsString() : null;
        if (type != null && !hasType(value, type)) {
            problems.add(name(path) + ": " + type + " expected");
            return;
        }
        if (schema.has("enum") && !schema.getAsJsonArray("enum").contains(value)) {
            problems.add(name(path) + ": one of " + values(schema.getAsJsonArray("enum")) + " expected");
        }
        if (schema.has("maxLength") && value.getAsString().length() > schema.get("maxLength").getAsInt()) {
            problems.add(name(path) + ": at most " + schema.get("maxLength").getAsInt() + " characters");
        }
        if ("array".equals(type) && schema.has("items")) {
            JsonArray items = value.getAsJsonArray();
            for (int i = 0; i < items.size(); i++) {
                check(items.get(i), schema.getAsJsonObject("items"), path + "[" + i + "]", problems);
            }
        }
        if ("object".equals(type) || schema.has("properties")) {
            checkObject(value.getAsJsonObject(), schema, path, problems);
        }
    }

    private static void checkObject(JsonObject value, JsonObject schema, String path, List<String> problems) {
        JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
        if (schema.has("required")) {
            for (JsonElement required : schema.getAsJsonArray("required")) {
                if (!value.has(required.getAsString())) {
                    problems.add(name(join(path, required.getAsString())) + ": required");
                }
            }
        }
        JsonElement additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonElement> field : value.entrySet()) {
            String fieldPath = join(path, field.getKey());
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.getAsJsonObject(field.getKey()), fieldPath, problems);
            } else if (additional != null && additional.isJsonObject()) {
                check(field.getValue(), additional.getAsJsonObject(), fieldPath, problems);
            } else if (additional == null || !additional.getAsBoolean()) {
                // Stripe refuses parameters it does not know (additionalProperties is false, or absent on params)
                problems.add(name(fieldPath) + ": not a parameter Stripe knows");
            }
        }
    }

    private static boolean hasType(JsonElement value, String type) {
        return switch (type) {
            case "object" -> value.isJsonObject();
            case "array" -> value.isJsonArray();
            case "string" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
            case "boolean" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
            case "integer" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                    && value.getAsBigDecimal().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
            default -> true;
        };
    }

    /** The options of an anyOf, briefly: "array or \"\"". */
    private static String describe(JsonObject anyOf) {
        List<String> kinds = new ArrayList<>();
        for (JsonElement option : anyOf.getAsJsonArray("anyOf")) {
            JsonObject each = option.getAsJsonObject();
            kinds.add(each.has("enum") ? "one of " + values(each.getAsJsonArray("enum"))
                    : each.has("type") ? each.get("type").getAsString() : "a value");
        }
        return String.join(" or ", kinds);
    }

    private static String values(JsonArray values) {
        List<String> names = new ArrayList<>();
        values.forEach(value -> names.add(value.isJsonPrimitive() && ((JsonPrimitive) value).isString()
                ? "\"" + value.getAsString() + "\"" : value.toString()));
        return names.stream().collect(Collectors.joining(", "));
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String name(String path) {
        return path.isEmpty() ? "the file" : path;
    }
}
