import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Demo only: gives the demo workspace a Stripe customer and an active subscription by sending
 * Portico the signed webhooks Stripe would send after a checkout (JDK only, run by run.sh):
 *
 * <pre>java DemoSeed.java base-url webhook-secret workspace</pre>
 */
public class DemoSeed {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String secret = args[1];
        String workspace = args[2];
        long now = Instant.now().getEpochSecond();
        // The same customer and subscription on every run: a later run renews the demo subscription
        // (newer events) instead of making a second customer the workspace would refuse.
        String suffix = workspace.replaceAll("[^A-Za-z0-9]", "");
        String customer = "cus_demo" + suffix;
        String subscription = "sub_demo" + suffix;
        // As a checkout the host's server created: the workspace in the session's metadata, which only
        // the account's own server can set (a browser's client_reference_id would need Portico's signature).
        send(base, secret, event("checkout.session.completed", now - 60, """
                {"id": "cs_demo%s", "object": "checkout.session", "mode": "subscription", "status": "complete",
                 "client_reference_id": null, "customer": "%s", "subscription": "%s", "metadata": {"workspace_id": "%s"}}"""
                .formatted(suffix, customer, subscription, workspace)));
        send(base, secret, event("customer.updated", now - 50, """
                {"id": "%s", "object": "customer", "email": "billing-admin@example.com", "name": "Demo Workspace",
                 "created": %d, "livemode": false, "metadata": {"workspace_id": "%s"},
                 "invoice_settings": {"default_payment_method": null}}""".formatted(customer, now - 60, workspace)));
        send(base, secret, event("customer.subscription.created", now - 40, """
                {"id": "%s", "object": "subscription", "customer": "%s", "status": "active", "created": %d,
                 "cancel_at_period_end": false, "cancel_at": null, "canceled_at": null, "ended_at": null,
                 "trial_end": null, "livemode": false, "metadata": {},
                 "items": {"object": "list", "data": [{"id": "si_demo%s", "object": "subscription_item",
                   "current_period_start": %d, "current_period_end": %d,
                   "quantity": 1,
                   "price": {"id": "price_demo_team", "object": "price", "product": "prod_demo_team",
                     "unit_amount": 2900, "currency": "usd", "nickname": "Team, monthly",
                     "recurring": {"interval": "month", "interval_count": 1}}}]}}"""
                .formatted(subscription, customer, now - 60, suffix, now - 60, now + Duration.ofDays(30).toSeconds())));
        send(base, secret, event("payment_method.attached", now - 30, """
                {"id": "pm_demo%s", "object": "payment_method", "type": "card", "customer": "%s", "livemode": false,
                 "card": {"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2030}}"""
                .formatted(suffix, customer)));
        send(base, secret, event("invoice.paid", now - 20, """
                {"id": "in_demo%s", "object": "invoice", "customer": "%s", "status": "paid", "number": "DEMO-0001",
                 "created": %d, "attempt_count": 1, "amount_due": 2900, "amount_paid": 2900, "currency": "usd",
                 "hosted_invoice_url": "https://invoice.stripe.com/i/demo", "invoice_pdf": "https://pay.stripe.com/invoice/demo/pdf",
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "%s"}}}"""
                .formatted(suffix, customer, now - 60, subscription)));
    }

    static String event(String type, long created, String object) {
        return """
                {"id": "evt_demo%s", "object": "event", "api_version": "2026-07-29.dahlia", "created": %d,
                 "livemode": false, "type": "%s", "data": {"object": %s}}"""
                .formatted(Long.toString(System.nanoTime(), 36), created, type, object);
    }

    static void send(URI base, String secret, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("api/billing/webhook"))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(bytes)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Seeding the demo failed: " + response.statusCode() + " " + response.body());
        }
    }
}
