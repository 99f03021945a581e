package dev.portico.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's example events ({@code ../shared/stripe/events}) delivered the way Stripe delivers
 * them: the exact bytes, signed {@code t=<unix>,v1=hex(HMAC-SHA256(secret, "t.body"))}. Each
 * {@link Story} gives the events' ids (event, customer, subscription, invoice) fresh values, so
 * every test has its own customer and workspace while keeping Stripe's payloads intact.
 */
public final class StripeEvents {

    public static final String SECRET = System.getProperty("it.webhook.secret");
    public static final String PREVIOUS_SECRET = System.getProperty("it.webhook.previous-secret");
    private static final Path DIR = Path.of(System.getProperty("portico.shared", "../../shared"), "stripe/events");
    private static final Pattern IDS = Pattern.compile("\"((?:evt|cus|sub|in|si)_[A-Za-z0-9]+)\"");
    private static final String CHECKOUT_REFERENCE = "\"client_reference_id\": \"local-user-0001\"";
    private static final String EXAMPLE_EMAIL = "jenny.rosen@example.com";

    private StripeEvents() {
    }

    /** A fresh customer for {@code workspace}: every event read through it speaks of that customer. */
    public static Story story(String workspace) {
        return new Story(workspace, UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    }

    /** The header Stripe would send for {@code body} at {@code time}, signed with {@code secret}. */
    public static String signature(byte[] body, Instant time, String secret) {
        long t = time.getEpochSecond();
        return "t=" + t + ",v1=" + hmac(secret, t, body);
    }

    static String hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers signed bytes to the webhook endpoint. */
    public static Api.Reply deliver(Api api, byte[] body) {
        return api.postBytes("api/billing/webhook", body, "Content-Type", "application/json; charset=utf-8",
                "Stripe-Signature", signature(body, ServerClock.now(), SECRET));
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

        /** The example event {@code name} (file name without .json) as this story's bytes. */
        public byte[] event(String name) {
            return text(name).getBytes(StandardCharsets.UTF_8);
        }

        /** The example event as text, ids replaced; tests may edit it further before signing. */
        public String text(String name) {
            String raw;
            try {
                raw = Files.readString(DIR.resolve(name + ".json"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher matcher = IDS.matcher(raw.replace(CHECKOUT_REFERENCE, "\"client_reference_id\": \"" + workspace + "\"")
                    .replace(EXAMPLE_EMAIL, email()));
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, "\"" + fresh(matcher.group(1)) + "\"");
            }
            return matcher.appendTail(out).toString();
        }

        /**
         * Stripe's example {@code customer.subscription.updated} (or {@code .deleted} for canceled)
         * of this story's subscription, stating {@code status} at {@code created}, paid until
         * {@code periodEnd}, with a fresh event id.
         */
        public String subscriptionEvent(String status, boolean cancelAtPeriodEnd, Instant periodEnd, Instant created) {
            boolean canceled = status.equals("canceled");
            JsonObject event = json(canceled ? "customer.subscription.deleted" : "customer.subscription.updated");
            JsonObject subscription = event.getJsonObject("data").getJsonObject("object");
            JsonObject items = subscription.getJsonObject("items");
            JsonObject item = Json.createObjectBuilder(items.getJsonArray("data").getJsonObject(0))
                    .add("current_period_end", periodEnd.getEpochSecond()).build();
            JsonObjectBuilder object = Json.createObjectBuilder(subscription)
                    .add("status", status)
                    .add("cancel_at_period_end", cancelAtPeriodEnd)
                    .add("cancel_at", cancelAtPeriodEnd ? Json.createValue(periodEnd.getEpochSecond()) : JsonValue.NULL)
                    .add("items", Json.createObjectBuilder(items).add("data", Json.createArrayBuilder().add(item)));
            return withObject(event, event.getString("type"), object, created);
        }

        /**
         * Stripe's example failing invoice of this story as {@code type} ({@code invoice.payment_failed}
         * or {@code invoice.paid}), at {@code created}, with a fresh event id.
         */
        public String invoiceEvent(String type, int attemptCount, Instant created) {
            boolean paid = type.equals("invoice.paid");
            JsonObject event = json("invoice.payment_failed");
            JsonObject invoice = event.getJsonObject("data").getJsonObject("object");
            JsonObjectBuilder object = Json.createObjectBuilder(invoice)
                    .add("status", paid ? "paid" : "open")
                    .add("attempt_count", attemptCount)
                    .add("amount_paid", paid ? invoice.getJsonNumber("amount_due").longValue() : 0)
                    .add("amount_remaining", paid ? 0 : invoice.getJsonNumber("amount_due").longValue());
            return withObject(event, type, object, created);
        }

        private JsonObject json(String name) {
            return Json.createReader(new StringReader(text(name))).readObject();
        }

        private static String withObject(JsonObject event, String type, JsonObjectBuilder object, Instant created) {
            return Json.createObjectBuilder(event)
                    .add("id", "evt_" + UUID.randomUUID().toString().replace("-", ""))
                    .add("type", type)
                    .add("created", created.getEpochSecond())
                    .add("data", Json.createObjectBuilder().add("object", object))
                    .build().toString();
        }

        private String fresh(String original) {
            return ids.computeIfAbsent(original, id -> id + suffix);
        }
    }
}
