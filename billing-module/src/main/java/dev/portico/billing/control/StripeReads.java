package dev.portico.billing.control;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.net.ApiResource;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionListParams;
import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reconciler's reads from Stripe, as a good citizen of its API: paced ({@link RequestPacer}),
 * a {@code 429} waited out as its {@code Retry-After} says (at most
 * {@code portico.reconcile.max-wait}), a {@code 5xx} or a network failure retried after a
 * doubling backoff ({@code portico.reconcile.backoff}), at most
 * {@code portico.reconcile.max-attempts} tries; then {@code STRIPE_UNAVAILABLE}. Other refusals
 * ({@code 4xx}) fail at once with {@code STRIPE_ERROR}.
 */
@ApplicationScoped
public class StripeReads {

    private static final Logger LOG = Logger.getLogger(StripeReads.class.getName());
    /** Stripe's largest page. */
    static final int PAGE = 100;
    /** Invoices read per resync: the recent ones, which hold any open one in practice. */
    private static final long RECENT_INVOICES = 20;
    /** Subscriptions read per resync; the workspace follows the newest. */
    private static final long SUBSCRIPTIONS = 10;

    @Inject
    StripeGateway gateway;

    @Inject
    RequestPacer pacer;

    @Inject
    @ConfigProperty(name = "portico.reconcile.backoff")
    Duration backoff;

    @Inject
    @ConfigProperty(name = "portico.reconcile.max-wait")
    Duration maxWait;

    @Inject
    @ConfigProperty(name = "portico.reconcile.max-attempts")
    int maxAttempts;

    /**
     * A page of events as Stripe lists them (newest first), each as its own JSON text, and the id
     * of its last (oldest) one, where the next page starts.
     */
    public record EventPage(List<String> events, Optional<String> lastId, boolean hasMore) {
    }

    /**
     * The events of {@code types} created at or after {@code since}, the page after
     * {@code startingAfter} (an event id), newest first. Read raw: each event is stored as Stripe
     * wrote it, exactly like a delivery.
     */
    public EventPage events(List<String> types, Instant since, Optional<String> startingAfter) throws InterruptedException {
        StringBuilder query = new StringBuilder("/v1/events?limit=").append(PAGE)
                .append('&').append(encode("created[gte]")).append('=').append(since.getEpochSecond());
        for (int i = 0; i < types.size(); i++) {
            query.append('&').append(encode("types[" + i + "]")).append('=').append(encode(types.get(i)));
        }
        startingAfter.ifPresent(id -> query.append("&starting_after=").append(encode(id)));
        String body = read("list events", () -> gateway.readClient()
                .rawRequest(ApiResource.RequestMethod.GET, query.toString(), null).body());
        JsonObject page = JsonParser.parseString(body).getAsJsonObject();
        List<String> events = new ArrayList<>();
        Optional<String> last = Optional.empty();
        for (JsonElement event : page.getAsJsonArray("data")) {
            events.add(event.toString());
            JsonElement id = event.isJsonObject() ? event.getAsJsonObject().get("id") : null;
            last = id != null && id.isJsonPrimitive() ? Optional.of(id.getAsString()) : last;
        }
        return new EventPage(events, last, page.has("has_more") && page.get("has_more").getAsBoolean());
    }

    public Customer customer(String customerId) throws InterruptedException {
        return read("retrieve customer", () -> gateway.readClient().v1().customers().retrieve(customerId));
    }

    /** The customer's subscriptions in any status, newest first. */
    public List<Subscription> subscriptions(String customerId) throws InterruptedException {
        SubscriptionListParams params = SubscriptionListParams.builder().setCustomer(customerId)
                .setStatus(SubscriptionListParams.Status.ALL).setLimit(SUBSCRIPTIONS).build();
        return read("list subscriptions", () -> gateway.readClient().v1().subscriptions().list(params).getData());
    }

    /** The customer's recent invoices, newest first. */
    public List<Invoice> invoices(String customerId) throws InterruptedException {
        InvoiceListParams params = InvoiceListParams.builder().setCustomer(customerId).setLimit(RECENT_INVOICES).build();
        return read("list invoices", () -> gateway.readClient().v1().invoices().list(params).getData());
    }

    public Invoice invoice(String invoiceId) throws InterruptedException {
        return read("retrieve invoice", () -> gateway.readClient().v1().invoices().retrieve(invoiceId));
    }

    private <T> T read(String what, StripeCall<T> call) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            pacer.acquire();
            try {
                return call.run();
            } catch (StripeException e) {
                StripeGateway.logFailure(what, e);
                Optional<Duration> wait = retryAfter(e, attempt);
                if (wait.isEmpty() || attempt >= maxAttempts) {
                    throw StripeGateway.translate(e);
                }
                int next = attempt + 1;
                LOG.info(() -> String.format("Stripe: %s again in %d ms (attempt %d of %d)", what, wait.get().toMillis(),
                        next, maxAttempts));
                Thread.sleep(wait.get().toMillis());
            }
        }
    }

    /** How long to wait before trying again, or empty when trying again would not help. */
    private Optional<Duration> retryAfter(StripeException e, int attempt) {
        Integer status = e.getStatusCode();
        Duration doubling = Backoff.after(backoff, attempt);
        if (e instanceof RateLimitException || Integer.valueOf(429).equals(status)) {
            return Optional.of(retryAfterHeader(e).map(asked -> asked.compareTo(maxWait) > 0 ? maxWait : asked)
                    .orElse(doubling));
        }
        boolean retryable = e instanceof ApiConnectionException || status == null || status >= 500;
        return retryable ? Optional.of(doubling.compareTo(maxWait) > 0 ? maxWait : doubling) : Optional.empty();
    }

    /** Stripe's {@code Retry-After} (whole seconds), when the error's response carried one. */
    private static Optional<Duration> retryAfterHeader(StripeException e) {
        if (e.getStripeError() == null || e.getStripeError().getLastResponse() == null) {
            return Optional.empty();
        }
        return e.getStripeError().getLastResponse().headers().firstValue("Retry-After")
                .filter(value -> value.trim().matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.trim())));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
