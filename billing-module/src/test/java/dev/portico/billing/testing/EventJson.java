package dev.portico.billing.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A Stripe event (or any Stripe object) as an editable JSON tree: set a field, get the JSON.
 * Paths are dotted, array elements by index: {@code data.object.items.data.0.current_period_end}.
 *
 * <p>Every edit checks that it took hold: {@link #set} needs the field to exist (a fixture whose
 * shape changed fails the test instead of being sent unchanged), {@link #add} needs it absent,
 * {@link #remove} present, and {@link #renameIds} must rename something. Nulls are kept and HTML
 * characters are not escaped, so the JSON reads as Stripe's own deliveries do.
 */
public final class EventJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();
    /** The object ids whose values a story makes its own (events, customers, subscriptions, items, invoices). */
    private static final Pattern STORY_ID = Pattern.compile("(?:evt|cus|sub|in|si)_[A-Za-z0-9]+");

    private final JsonObject root;

    private EventJson(JsonObject root) {
        this.root = root;
    }

    /** The JSON object {@code json} (an event or a bare Stripe object). */
    public static EventJson parse(String json) {
        JsonElement parsed = JsonParser.parseString(json);
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException("Not a JSON object: " + json);
        }
        return new EventJson(parsed.getAsJsonObject());
    }

    /** An independent copy: edits to one never show in the other. */
    public EventJson copy() {
        return new EventJson(root.deepCopy());
    }

    public EventJson id(String id) {
        return set("id", id);
    }

    /** A fresh, unique event id ({@code evt_} and 32 hex digits), as every redelivery-free edit needs. */
    public EventJson newId() {
        return id("evt_" + UUID.randomUUID().toString().replace("-", ""));
    }

    public EventJson type(String type) {
        return set("type", type);
    }

    public EventJson created(Instant created) {
        return set("created", created.getEpochSecond());
    }

    /** Replaces the value at {@code path}; the field must exist. */
    public EventJson set(String path, Object value) {
        Location at = locate(path);
        if (!at.exists()) {
            throw new IllegalArgumentException("No field " + path + " to set in " + describe());
        }
        at.put(toJson(value));
        return this;
    }

    /** Adds a field the object does not have yet; the parent must exist, the field must not. */
    public EventJson add(String path, Object value) {
        Location at = locate(path);
        if (at.exists()) {
            throw new IllegalArgumentException("Field " + path + " exists already in " + describe() + ": use set");
        }
        at.put(toJson(value));
        return this;
    }

    /** Removes a field that exists. */
    public EventJson remove(String path) {
        Location at = locate(path);
        if (!at.exists()) {
            throw new IllegalArgumentException("No field " + path + " to remove in " + describe());
        }
        at.remove();
        return this;
    }

    /**
     * Gives every event, customer, subscription, item and invoice id in the tree the value
     * {@code rename} returns for it (the same id always the same way). Fails when there is none.
     */
    public EventJson renameIds(UnaryOperator<String> rename) {
        if (renameStrings(root, value -> STORY_ID.matcher(value).matches() ? rename.apply(value) : value) == 0) {
            throw new IllegalArgumentException("No Stripe id to rename in " + describe());
        }
        return this;
    }

    /** Replaces the string value {@code from} wherever it occurs (possibly nowhere); returns how often it did. */
    public int replaceEverywhere(String from, String to) {
        return renameStrings(root, value -> value.equals(from) ? to : value);
    }

    public boolean has(String path) {
        return locate(path).exists();
    }

    /** The string at {@code path} (which must exist and be a string). */
    public String string(String path) {
        return value(path).getAsString();
    }

    public long number(String path) {
        return value(path).getAsLong();
    }

    /** The object at {@code path} as an editable copy. */
    public EventJson object(String path) {
        return new EventJson(value(path).getAsJsonObject().deepCopy());
    }

    public String json() {
        return GSON.toJson(root);
    }

    public byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return json();
    }

    private JsonElement value(String path) {
        Location at = locate(path);
        if (!at.exists()) {
            throw new IllegalArgumentException("No field " + path + " in " + describe());
        }
        return at.get();
    }

    private String describe() {
        String type = root.has("type") && root.get("type").isJsonPrimitive() ? root.get("type").getAsString() : "object";
        String id = root.has("id") && root.get("id").isJsonPrimitive() ? root.get("id").getAsString() : "?";
        return type + " " + id;
    }

    private Location locate(String path) {
        String[] steps = path.split("\\.");
        JsonElement parent = root;
        for (int i = 0; i < steps.length - 1; i++) {
            JsonElement next = child(parent, steps[i]);
            if (next == null || !(next.isJsonObject() || next.isJsonArray())) {
                throw new IllegalArgumentException("No object at " + String.join(".", Arrays.copyOf(steps, i + 1))
                        + " (on the way to " + path + ") in " + describe());
            }
            parent = next;
        }
        return new Location(parent, steps[steps.length - 1]);
    }

    private static JsonElement child(JsonElement parent, String step) {
        if (parent.isJsonObject()) {
            return parent.getAsJsonObject().get(step);
        }
        JsonArray array = parent.getAsJsonArray();
        int index = index(step);
        return index >= 0 && index < array.size() ? array.get(index) : null;
    }

    private static int index(String step) {
        return step.matches("\\d{1,6}") ? Integer.parseInt(step) : -1;
    }

    private static int renameStrings(JsonElement element, UnaryOperator<String> rename) {
        int renamed = 0;
        if (element.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
                JsonElement next = renamedString(entry.getValue(), rename);
                if (next != null) {
                    entry.setValue(next);
                    renamed++;
                } else {
                    renamed += renameStrings(entry.getValue(), rename);
                }
            }
        } else if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                JsonElement next = renamedString(array.get(i), rename);
                if (next != null) {
                    array.set(i, next);
                    renamed++;
                } else {
                    renamed += renameStrings(array.get(i), rename);
                }
            }
        }
        return renamed;
    }

    /** The renamed value when {@code value} is a string that {@code rename} changes, else null. */
    private static JsonElement renamedString(JsonElement value, UnaryOperator<String> rename) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            return null;
        }
        String next = rename.apply(value.getAsString());
        return next.equals(value.getAsString()) ? null : new JsonPrimitive(next);
    }

    private static JsonElement toJson(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        } else if (value instanceof String text) {
            return new JsonPrimitive(text);
        } else if (value instanceof Number number) {
            return new JsonPrimitive(number);
        } else if (value instanceof Boolean flag) {
            return new JsonPrimitive(flag);
        } else if (value instanceof Instant instant) {
            return new JsonPrimitive(instant.getEpochSecond());
        } else if (value instanceof EventJson object) {
            return object.root.deepCopy();
        } else if (value instanceof JsonElement element) {
            return element.deepCopy();
        }
        throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
    }

    /** A field of an object, or an element of an array, that may or may not exist yet. */
    private record Location(JsonElement parent, String step) {

        boolean exists() {
            return child(parent, step) != null;
        }

        JsonElement get() {
            return child(parent, step);
        }

        void put(JsonElement value) {
            if (parent.isJsonObject()) {
                parent.getAsJsonObject().add(step, value);
                return;
            }
            JsonArray array = parent.getAsJsonArray();
            int index = index(step);
            if (index >= 0 && index < array.size()) {
                array.set(index, value);
            } else if (index == array.size()) {
                array.add(value);
            } else {
                throw new IllegalArgumentException("No element " + step + " in an array of " + array.size());
            }
        }

        void remove() {
            if (parent.isJsonObject()) {
                parent.getAsJsonObject().remove(step);
            } else {
                parent.getAsJsonArray().remove(index(step));
            }
        }
    }
}
