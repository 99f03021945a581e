package dev.portico.billing.control;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.entity.StripeCustomerId;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The envelope of a verified Stripe event: enough to store it in the inbox and to find the
 * customer it concerns ({@code data.object.customer}, or the id of a customer object). Read in
 * one streaming pass that skips everything else (the data object is read, typed, only when the
 * event is applied: {@link TypedEvent#read}); building a JSON tree first cost as much again.
 *
 * @param objectType the data object's {@code object} field, e.g. {@code subscription}
 * @param payload    the event as Stripe sent it
 */
public record Envelope(String id, String type, Instant created, Optional<String> customerId, String objectType,
                       String payload) {

    /** Stripe's event ids: {@code evt_} and letters and digits. Nothing else reaches SQL or a log line. */
    private static final Pattern EVENT_ID = Pattern.compile("evt_[A-Za-z0-9]{1,250}");
    /** Stripe's event types: {@code customer.subscription.updated}, {@code v2.core.event_destination.ping}. */
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_.]{1,128}");

    /** Whether {@code id} has the shape of a Stripe event id. */
    public static boolean isEventId(String id) {
        return id != null && EVENT_ID.matcher(id).matches();
    }

    public static Envelope parse(String payload) {
        Fields fields = new Fields();
        try (JsonReader json = new JsonReader(new StringReader(payload))) {
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                throw invalid("The payload is not a JSON object.");
            }
            readEnvelope(json, fields);
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw invalid("The payload is not valid JSON.");
            }
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw invalid("The payload is not valid JSON.");
        }
        String id = Optional.ofNullable(fields.id).filter(Envelope::isEventId)
                .orElseThrow(() -> invalid("The event has no valid id."));
        String type = Optional.ofNullable(fields.type).filter(value -> TYPE.matcher(value).matches())
                .orElseThrow(() -> invalid("The event has no type."));
        if (fields.created == null) {
            throw invalid("The event has no creation time.");
        }
        if (!fields.hasObject) {
            throw invalid("The event has no data object.");
        }
        Optional<String> customer = "customer".equals(fields.objectType)
                ? Optional.ofNullable(fields.objectId)
                : Optional.ofNullable(fields.objectCustomer);
        if (customer.isPresent() && !StripeCustomerId.isValid(customer.get())) {
            throw invalid("The event's customer is not a Stripe customer id.");
        }
        return new Envelope(id, type, Instant.ofEpochSecond(fields.created), customer, fields.objectType, payload);
    }

    /** What the envelope pass keeps; the last of duplicate names wins, as with a JSON tree. */
    private static final class Fields {
        String id;
        String type;
        Long created;
        boolean hasObject;
        String objectType;
        String objectId;
        String objectCustomer;
    }

    private static void readEnvelope(JsonReader json, Fields fields) throws IOException {
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "id" -> fields.id = stringOrSkip(json);
                case "type" -> fields.type = stringOrSkip(json);
                case "created" -> fields.created = json.peek() == JsonToken.NUMBER ? json.nextLong() : skip(json);
                case "data" -> readData(json, fields);
                default -> json.skipValue();
            }
        }
        json.endObject();
    }

    private static void readData(JsonReader json, Fields fields) throws IOException {
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            json.skipValue();
            return;
        }
        json.beginObject();
        while (json.hasNext()) {
            if (json.nextName().equals("object") && json.peek() == JsonToken.BEGIN_OBJECT) {
                readObject(json, fields);
            } else {
                json.skipValue();
            }
        }
        json.endObject();
    }

    private static void readObject(JsonReader json, Fields fields) throws IOException {
        fields.hasObject = true;
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "object" -> fields.objectType = stringOrSkip(json);
                case "id" -> fields.objectId = stringOrSkip(json);
                case "customer" -> fields.objectCustomer = stringOrSkip(json);
                default -> json.skipValue();
            }
        }
        json.endObject();
    }

    private static String stringOrSkip(JsonReader json) throws IOException {
        return json.peek() == JsonToken.STRING ? json.nextString() : skip(json);
    }

    private static <T> T skip(JsonReader json) throws IOException {
        json.skipValue();
        return null;
    }

    private static BillingFailure invalid(String message) {
        return new BillingFailure(Reason.INVALID_PAYLOAD, message);
    }
}
