package dev.portico.web.billing;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.PortalFlow;
import dev.portico.web.Jsons;
import dev.portico.web.error.ApiError;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;

/**
 * The optional JSON body of a portal-session request. Fields other than {@code returnUrl} and
 * {@code flow} are refused rather than ignored: a caller who sends {@code customer} or
 * {@code workspaceId} expects it to matter, and it never does (both come from the token).
 */
record PortalSessionBody(Optional<String> returnUrl, Optional<PortalFlow> flow) {

    private static final Set<String> FIELDS = Set.of("returnUrl", "flow");
    static final int MAX_LENGTH = 8192;

    static PortalSessionBody parse(String body) {
        if (body == null || body.isBlank()) {
            return new PortalSessionBody(Optional.empty(), Optional.empty());
        }
        if (body.length() > MAX_LENGTH) {
            throw ApiError.invalidRequest("The request body is too large.");
        }
        JsonObject json = readObject(body);
        json.keySet().stream().filter(key -> !FIELDS.contains(key)).findFirst().ifPresent(key -> {
            throw ApiError.invalidRequest("Unknown field '" + key + "'; allowed: returnUrl, flow.");
        });
        Optional<String> flowName = optionalString(json, "flow");
        Optional<PortalFlow> flow = flowName.map(name -> PortalFlow.fromWireName(name).orElseThrow(() ->
                new BillingFailure(Reason.INVALID_FLOW,
                        "flow must be payment_method_update, subscription_cancel or subscription_update.")));
        return new PortalSessionBody(optionalString(json, "returnUrl"), flow);
    }

    private static JsonObject readObject(String body) {
        try (JsonReader reader = Jsons.reader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiError.invalidRequest("The request body must be a JSON object.");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new ApiError(400, "INVALID_JSON", "The request body is not valid JSON.");
        }
    }

    private static Optional<String> optionalString(JsonObject json, String field) {
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
