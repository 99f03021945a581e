package dev.portico.billing.control;

import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionSchedule;
import com.stripe.model.checkout.Session;
import com.stripe.model.entitlements.ActiveEntitlementSummary;
import com.stripe.net.ApiResource;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;

/**
 * A stored event as its handler sees it: its id, type, Stripe's time, the typed data object and
 * the subscriptions Stripe was asked for (by id) to break a tie.
 */
record TypedEvent(String eventId, String type, Instant created, StripeObject object, Map<String, Subscription> fetched) {

    /** stripe-java's classes for the data objects Portico handles, by their {@code object} name. */
    private static final Map<String, Class<? extends StripeObject>> TYPES = Map.of(
            "subscription", Subscription.class,
            "invoice", Invoice.class,
            "customer", Customer.class,
            "checkout.session", Session.class,
            "payment_method", PaymentMethod.class,
            "subscription_schedule", SubscriptionSchedule.class,
            "price", Price.class,
            "product", Product.class,
            "entitlements.active_entitlement_summary", ActiveEntitlementSummary.class);

    /**
     * Reads the data object with stripe-java's own JSON mapping, straight from the payload (no
     * JSON tree in between); null for objects Portico does not handle.
     */
    static StripeObject read(Envelope event) {
        Class<? extends StripeObject> type = event.objectType() == null ? null : TYPES.get(event.objectType());
        return type == null ? null : dataObject(event.payload(), ApiResource.GSON.getAdapter(type));
    }

    /** {@code data.object} as {@link Envelope#parse} found it: the last JSON object of that name. */
    private static StripeObject dataObject(String payload, TypeAdapter<? extends StripeObject> adapter) {
        StripeObject object = null;
        try (JsonReader json = new JsonReader(new StringReader(payload))) {
            json.beginObject();
            while (json.hasNext()) {
                if (!json.nextName().equals("data") || json.peek() != JsonToken.BEGIN_OBJECT) {
                    json.skipValue();
                    continue;
                }
                json.beginObject();
                while (json.hasNext()) {
                    if (json.nextName().equals("object") && json.peek() == JsonToken.BEGIN_OBJECT) {
                        object = adapter.read(json);
                    } else {
                        json.skipValue();
                    }
                }
                json.endObject();
            }
        } catch (IOException e) {
            throw new JsonParseException(e);
        }
        return object;
    }
}
