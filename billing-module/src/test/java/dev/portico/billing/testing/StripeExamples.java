package dev.portico.billing.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stripe's example webhook events (API version 2026-07-29.dahlia), kept in this module's test
 * resources under {@code stripe/events} (their origin: the README there) and shipped in its
 * test jar, so the unit tests, the EAR tests and the benchmark read the same files.
 */
public final class StripeExamples {

    /** Every example, by name (the file name without {@code .json}). */
    public static final List<String> NAMES = List.of("checkout.session.completed", "customer.subscription.created",
            "customer.subscription.deleted", "customer.subscription.paused", "customer.subscription.resumed",
            "customer.subscription.updated", "customer.subscription.updated.past_due", "customer.updated",
            "invoice.paid", "invoice.payment_failed", "invoice.payment_succeeded", "subscription_schedule.updated",
            "price.updated", "entitlements.active_entitlement_summary.updated");

    private static final Map<String, EventJson> PARSED = new ConcurrentHashMap<>();

    private StripeExamples() {
    }

    /** The example's exact text, as the file holds it. */
    public static String text(String name) {
        String resource = "/stripe/events/" + name + ".json";
        try (InputStream in = StripeExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No example event " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example as an editable event; each call gets its own copy. */
    public static EventJson event(String name) {
        return PARSED.computeIfAbsent(name, n -> EventJson.parse(text(n))).copy();
    }
}
