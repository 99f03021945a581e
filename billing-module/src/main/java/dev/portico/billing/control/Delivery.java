package dev.portico.billing.control;

import com.google.gson.JsonObject;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentMethod;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import java.time.Instant;
import java.util.Map;

/** One Stripe event being applied: its id, type, Stripe's time and the typed data object. */
record Delivery(String eventId, String type, Instant created, StripeObject object) {

    /** stripe-java's classes for the data objects Portico handles, by their {@code object} name. */
    private static final Map<String, Class<? extends StripeObject>> TYPES = Map.of(
            "subscription", Subscription.class,
            "invoice", Invoice.class,
            "customer", Customer.class,
            "checkout.session", Session.class,
            "payment_method", PaymentMethod.class);

    /** Reads the data object with stripe-java's own JSON mapping; null for objects Portico does not handle. */
    static StripeObject read(JsonObject object) {
        Class<? extends StripeObject> type = object.has("object") ? TYPES.get(object.get("object").getAsString()) : null;
        return type == null ? null : ApiResource.GSON.fromJson(object, type);
    }
}
