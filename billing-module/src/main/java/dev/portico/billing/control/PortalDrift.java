package dev.portico.billing.control;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a portal configuration in Stripe no longer says what the file asks (someone edited it in
 * the dashboard). Only the fields the file sets are compared, Stripe's object having many more;
 * lists compare as sets (Stripe may reorder them), and Stripe's "nothing" ({@code ""} in a
 * parameter, {@code null} or {@code []} in the object) is one value.
 */
public final class PortalDrift {

    private static final Set<String> NOT_COMPARED = Set.of("metadata", "expand");

    private PortalDrift() {
    }

    /** The paths of the fields that differ, e.g. {@code features.subscription_cancel.mode}. */
    public static List<String> between(JsonObject desired, JsonObject actual) {
        List<String> drift = new ArrayList<>();
        for (Map.Entry<String, JsonElement> field : desired.entrySet()) {
            if (!NOT_COMPARED.contains(field.getKey())) {
                compare(field.getKey(), field.getValue(), actual.get(field.getKey()), drift);
            }
        }
        return drift;
    }

    private static void compare(String path, JsonElement desired, JsonElement actual, List<String> drift) {
        if (desired.isJsonObject()) {
            JsonObject actualObject = actual != null && actual.isJsonObject() ? actual.getAsJsonObject() : new JsonObject();
            desired.getAsJsonObject().entrySet().forEach(field ->
                    compare(path + "." + field.getKey(), field.getValue(), actualObject.get(field.getKey()), drift));
            return;
        }
        if (!normalized(desired, desired).equals(normalized(actual, desired))) {
            drift.add(path);
        }
    }

    /**
     * A value as compared: nothing as null, a list as the set of its items, each object item kept
     * to the fields the file's items name ({@code shape}).
     */
    private static Object normalized(JsonElement value, JsonElement shape) {
        if (value == null || value.isJsonNull() || isEmptyString(value)
                || (value.isJsonArray() && value.getAsJsonArray().isEmpty())) {
            return JsonNull.INSTANCE;
        }
        if (value.isJsonArray()) {
            Set<Object> items = new HashSet<>();
            Set<String> fields = itemFields(shape);
            value.getAsJsonArray().forEach(item -> items.add(item.isJsonObject() ? projected(item.getAsJsonObject(), fields)
                    : item));
            return items;
        }
        return value;
    }

    private static Map<String, Object> projected(JsonObject item, Set<String> fields) {
        Map<String, Object> kept = new HashMap<>();
        fields.forEach(field -> {
            JsonElement value = item.get(field);
            kept.put(field, normalized(value, value));
        });
        return kept;
    }

    private static Set<String> itemFields(JsonElement shape) {
        Set<String> fields = new HashSet<>();
        if (shape != null && shape.isJsonArray()) {
            for (JsonElement item : (JsonArray) shape) {
                if (item.isJsonObject()) {
                    fields.addAll(item.getAsJsonObject().keySet());
                }
            }
        }
        return fields;
    }

    private static boolean isEmptyString(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() && value.getAsString().isEmpty();
    }
}
