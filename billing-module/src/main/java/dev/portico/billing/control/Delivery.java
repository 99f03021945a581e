package dev.portico.billing.control;

import com.stripe.model.StripeObject;
import java.time.Instant;
import java.util.Map;

/** One Stripe event being applied: its id, type, Stripe's time and the typed data object. */
record Delivery(String eventId, String type, Instant created, StripeObject object, Map<String, Object> previous) {
}
