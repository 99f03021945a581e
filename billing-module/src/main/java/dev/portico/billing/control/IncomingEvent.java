package dev.portico.billing.control;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import java.time.Instant;
import java.util.Optional;

/**
 * The envelope of a verified Stripe event: enough to store it in the inbox and to find the
 * customer it concerns ({@code data.object.customer}, or the id of a customer object), and its
 * parsed data object, so applying it does not parse the payload again.
 */
public record IncomingEvent(String id, String type, Instant created, Optional<String> customerId, JsonObject object) {

    public static IncomingEvent parse(String payload) {
        JsonObject event;
        try {
            JsonElement root = JsonParser.parseString(payload);
            if (!root.isJsonObject()) {
                throw invalid("The payload is not a JSON object.");
            }
            event = root.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw invalid("The payload is not valid JSON.");
        }
        String id = string(event, "id").filter(value -> value.startsWith("evt_") && value.length() <= 255)
                .orElseThrow(() -> invalid("The event has no valid id."));
        String type = string(event, "type").filter(value -> value.length() <= 128)
                .orElseThrow(() -> invalid("The event has no type."));
        JsonElement created = event.get("created");
        if (created == null || !created.isJsonPrimitive() || !created.getAsJsonPrimitive().isNumber()) {
            throw invalid("The event has no creation time.");
        }
        JsonElement data = event.get("data");
        if (data == null || !data.isJsonObject() || !data.getAsJsonObject().has("object")
                || !data.getAsJsonObject().get("object").isJsonObject()) {
            throw invalid("The event has no data object.");
        }
        JsonObject object = data.getAsJsonObject().getAsJsonObject("object");
        Optional<String> customer = "customer".equals(string(object, "object").orElse(null))
                ? string(object, "id")
                : string(object, "customer");
        return new IncomingEvent(id, type, Instant.ofEpochSecond(created.getAsLong()), customer, object);
    }

    private static Optional<String> string(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                ? Optional.of(value.getAsString())
                : Optional.empty();
    }

    private static BillingFailure invalid(String message) {
        return new BillingFailure(Reason.INVALID_PAYLOAD, message);
    }
}
