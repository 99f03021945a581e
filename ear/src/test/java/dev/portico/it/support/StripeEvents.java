package dev.portico.it.support;

import dev.portico.billing.testing.CheckoutReferenceSigner;
import dev.portico.billing.testing.EventJson;
import dev.portico.billing.testing.StripeExamples;
import dev.portico.billing.testing.StripeSignatures;
import java.time.Instant;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Stripe's example events ({@link StripeExamples}, billing-module's test jar) delivered the way
 * Stripe delivers them: signed {@code t=<unix>,v1=hex(HMAC-SHA256(secret, "t.body"))}. Each
 * {@link Story} gives the events' ids (event, customer, subscription, item, invoice) fresh values,
 * so every test has its own customer and workspace while keeping Stripe's payloads intact.
 */
public final class StripeEvents {

    public static final String SECRET = System.getProperty("it.webhook.secret");
    public static final String PREVIOUS_SECRET = System.getProperty("it.webhook.previous-secret");
    private static final String EXAMPLE_EMAIL = "jenny.rosen@example.com";

    private StripeEvents() {
    }

    /** A fresh customer for {@code workspace}: every event read through it speaks of that customer. */
    public static Story story(String workspace) {
        return new Story(workspace, UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    }

    /**
     * A fresh workspace whose billing admin opened a portal session on {@code node}, so Portico made
     * its Stripe customer (at the stand-in); the story's events speak of that customer, as Stripe's would.
     */
    public static Story customerMadeByPortal(Api node, StripeStandIn stripe) {
        Story story = story(Tokens.newWorkspace());
        Api.Reply session = node.post("api/billing/portal-session", Tokens.billingAdmin(story.workspace()), null);
        if (session.status() != 200) {
            throw new AssertionError("No portal session: " + session);
        }
        story.ids.put("cus_QXg1o8vcGmoR32", stripe.customerOf(story.workspace()).orElseThrow());
        return story;
    }

    /** Delivers signed bytes to the webhook endpoint. */
    public static Api.Reply deliver(Api api, byte[] body) {
        return api.postBytes("api/billing/webhook", body, "Content-Type", "application/json; charset=utf-8",
                "Stripe-Signature", StripeSignatures.header(body, ServerClock.now(), SECRET));
    }

    /** Delivers the event to the webhook endpoint. */
    public static Api.Reply deliver(Api api, EventJson event) {
        return deliver(api, event.bytes());
    }

    /**
     * Delivers the event, expects it stored, and waits until it is applied and its publications
     * delivered; returns it as the operator endpoint shows it then ({@code outcome}, {@code detail}...).
     */
    public static JsonObject deliverSettled(Api api, EventJson event) {
        Api.Reply reply = deliver(api, event);
        if (reply.status() != 200) {
            throw new AssertionError(event.string("type") + " was not stored: " + reply);
        }
        return Pipeline.settled(api, reply.json().getString("id"));
    }

    /**
     * A fresh workspace whose customer checkout linked and whose subscription is in {@code status}
     * (paid until {@code periodEnd}, as of {@code at}), both events applied.
     */
    public static Story subscribed(Api api, String status, Instant periodEnd, Instant at) {
        Story story = story(Tokens.newWorkspace());
        deliverSettled(api, story.event("checkout.session.completed"));
        deliverSettled(api, story.subscriptionEvent(status, false, periodEnd, at));
        return story;
    }

    /** One workspace's customer and the events that speak of it. */
    public static final class Story {
        private final String workspace;
        private final String suffix;
        private final Map<String, String> ids = new HashMap<>();

        private Story(String workspace, String suffix) {
            this.workspace = workspace;
            this.suffix = suffix;
        }

        public String workspace() {
            return workspace;
        }

        /** The customer's email in this story's events (instead of the examples' jenny.rosen@example.com). */
        public String email() {
            return "billing-" + suffix + "@example.com";
        }

        /** The customer id this story uses instead of the examples' one. */
        public String customer() {
            return fresh("cus_QXg1o8vcGmoR32");
        }

        public String subscription() {
            return fresh("sub_1Pgc6rB7WZ01zgkWNy0Cn5nw");
        }

        /**
         * The example event {@code name} (file name without .json) told of this story: its ids,
         * its email and, for a checkout, a client reference Portico signed for its workspace. Tests may
         * edit it further.
         */
        public EventJson event(String name) {
            EventJson event = StripeExamples.event(name).renameIds(this::fresh);
            event.replaceEverywhere(EXAMPLE_EMAIL, email());
            if (event.string("type").equals("checkout.session.completed")) {
                event.set("data.object.client_reference_id", checkoutReference(event));
            }
            return event;
        }

        /**
         * Stripe's example {@code customer.subscription.updated} (or {@code .deleted} for canceled)
         * of this story's subscription, stating {@code status} at {@code created}, paid until
         * {@code periodEnd}, with a fresh event id.
         */
        public EventJson subscriptionEvent(String status, boolean cancelAtPeriodEnd, Instant periodEnd, Instant created) {
            EventJson event = event(status.equals("canceled") ? "customer.subscription.deleted" : "customer.subscription.updated");
            if (event.has("data.previous_attributes")) {
                event.remove("data.previous_attributes"); // a snapshot of its own, not a change from the example's
            }
            return event.newId()
                    .created(created)
                    .set("data.object.status", status)
                    .set("data.object.cancel_at_period_end", cancelAtPeriodEnd)
                    .set("data.object.cancel_at", cancelAtPeriodEnd ? periodEnd : null)
                    .set("data.object.items.data.0.current_period_end", periodEnd);
        }

        /**
         * Stripe's example failing invoice of this story as {@code type} ({@code invoice.payment_failed},
         * or {@code invoice.paid} / {@code invoice.payment_succeeded} once paid), at {@code created},
         * with a fresh event id.
         */
        public EventJson invoiceEvent(String type, int attemptCount, Instant created) {
            boolean paid = !type.equals("invoice.payment_failed");
            EventJson event = event("invoice.payment_failed");
            long due = event.number("data.object.amount_due");
            return event.newId()
                    .type(type)
                    .created(created)
                    .set("data.object.status", paid ? "paid" : "open")
                    .set("data.object.attempt_count", attemptCount)
                    .set("data.object.amount_paid", paid ? due : 0)
                    .set("data.object.amount_remaining", paid ? 0 : due);
        }

        /**
         * The client reference a host's page would have put into this checkout: signed for the
         * story's workspace (as {@code GET /api/billing/checkout-reference} gives it) when the
         * session was created.
         */
        public String checkoutReference(EventJson checkout) {
            return CheckoutReferenceSigner.sign(SECRET, workspace, Instant.ofEpochSecond(checkout.number("data.object.created")));
        }

        private String fresh(String original) {
            return ids.computeIfAbsent(original, id -> id + suffix);
        }
    }
}
