package dev.portico.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The stand-in's Customer Portal configurations: created, updated and listed as Stripe does (a
 * created one starts from Stripe's fixture, the form's parameters written over it; an idempotency
 * key answers its first reply again), and editable by a test as someone in the dashboard would.
 */
public final class StandInPortalConfigurations {

    private final JsonObject fixture;
    private final Map<String, JsonObject> byId = new LinkedHashMap<>();
    private final Map<String, String> idByKey = new LinkedHashMap<>();

    StandInPortalConfigurations(JsonObject fixture) {
        this.fixture = fixture;
    }

    synchronized String list() {
        JsonArrayBuilder data = Json.createArrayBuilder();
        List<JsonObject> newestFirst = new ArrayList<>(byId.values());
        Collections.reverse(newestFirst);
        newestFirst.stream().filter(each -> each.getBoolean("active")).forEach(data::add);
        return Json.createObjectBuilder().add("object", "list").add("url", "/v1/billing_portal/configurations")
                .add("has_more", false).add("data", data).build().toString();
    }

    synchronized String create(Map<String, Object> form, String idempotencyKey) {
        if (idempotencyKey != null && idByKey.containsKey(idempotencyKey)) {
            return byId.get(idByKey.get(idempotencyKey)).toString();
        }
        String id = "bpc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        JsonObject created = merged(Json.createObjectBuilder(fixture).add("id", id).add("is_default", false)
                .add("livemode", false).add("created", Instant.now().getEpochSecond())
                .add("metadata", JsonValue.EMPTY_JSON_OBJECT).build(), form);
        byId.put(id, created);
        if (idempotencyKey != null) {
            idByKey.put(idempotencyKey, id);
        }
        return created.toString();
    }

    /** The updated configuration, or null when there is none of that id. */
    synchronized String update(String id, Map<String, Object> form) {
        JsonObject current = byId.get(id);
        if (current == null) {
            return null;
        }
        JsonObject updated = merged(current, form);
        byId.put(id, updated);
        return updated.toString();
    }

    /** The configurations Portico tagged as its own ({@code metadata.portico_managed}). */
    public synchronized List<JsonObject> porticos() {
        return byId.values().stream().filter(each -> "true".equals(each.getJsonObject("metadata")
                .getString("portico_managed", null))).toList();
    }

    /** Changes a configuration as someone in Stripe's dashboard would (Portico is not told). */
    public synchronized void edit(String id, UnaryOperator<JsonObject> change) {
        byId.computeIfPresent(id, (key, current) -> change.apply(current));
    }

    /** As if the account had none yet. */
    public synchronized void forget() {
        byId.clear();
        idByKey.clear();
    }

    /** The object with the form's parameters written over it, typed as Stripe types them. */
    private static JsonObject merged(JsonObject object, Map<String, Object> form) {
        JsonObjectBuilder merged = Json.createObjectBuilder(object);
        form.forEach((name, value) -> {
            if (name.equals("expand")) {
                return;
            }
            JsonValue current = object.get(name);
            if (value instanceof Map<?, ?> fields && current instanceof JsonObject nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) fields;
                merged.add(name, name.equals("metadata") ? metadata(nested, map) : merged(nested, map));
            } else {
                merged.add(name, typed(value, name.equals("metadata")));
            }
        });
        return merged.build();
    }

    private static JsonObject metadata(JsonObject current, Map<String, Object> form) {
        JsonObjectBuilder metadata = Json.createObjectBuilder(current);
        form.forEach((key, value) -> metadata.add(key, String.valueOf(value)));
        return metadata.build();
    }

    private static JsonValue typed(Object value, boolean text) {
        if (value instanceof Map<?, ?> fields) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) fields;
            return merged(JsonValue.EMPTY_JSON_OBJECT, map);
        }
        if (value instanceof List<?> items) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            items.forEach(item -> array.add(typed(item, false)));
            return array.build();
        }
        String string = String.valueOf(value);
        if (!text && (string.equals("true") || string.equals("false"))) {
            return string.equals("true") ? JsonValue.TRUE : JsonValue.FALSE;
        }
        return string.isEmpty() ? JsonValue.NULL : Json.createValue(string);
    }
}
