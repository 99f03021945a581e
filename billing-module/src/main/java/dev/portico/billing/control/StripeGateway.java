package dev.portico.billing.control;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.HasId;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.billingportal.Session;
import com.stripe.model.entitlements.ActiveEntitlement;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.billingportal.ConfigurationCreateParams;
import com.stripe.param.billingportal.ConfigurationListParams;
import com.stripe.param.billingportal.ConfigurationUpdateParams;
import com.stripe.param.billingportal.SessionCreateParams;
import com.stripe.param.billingportal.SessionCreateParams.FlowData;
import com.stripe.param.entitlements.ActiveEntitlementListParams;
import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.PortalFlow;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.StripeCustomerId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Portico's only door to Stripe's API. Translates Stripe failures into {@link BillingFailure}s
 * with safe messages: Stripe's own text is never passed on or logged, since it can quote request
 * details; the log keeps the exception type, HTTP status, Stripe error code and request id.
 */
@ApplicationScoped
public class StripeGateway {

    private static final Logger LOG = Logger.getLogger(StripeGateway.class.getName());
    static final String METADATA_WORKSPACE = "workspace_id";
    /** The price metadata that offers a price as a plan. */
    static final String PLAN_MARK = "portico_plan";

    @Inject
    @ConfigProperty(name = "stripe.api.key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "stripe.api.base")
    String apiBase;

    @Inject
    @ConfigProperty(name = "stripe.connect-timeout")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "stripe.read-timeout")
    Duration readTimeout;

    @Inject
    @ConfigProperty(name = "stripe.max-network-retries")
    int maxNetworkRetries;

    private StripeClient client;
    /** For {@link StripeReads}: no retries of its own, since the reader honours Retry-After itself. */
    private StripeClient readClient;

    @PostConstruct
    void connect() {
        client = build(maxNetworkRetries);
        readClient = build(0);
        if (client == null) {
            LOG.warning("stripe.api.key is not set: portal sessions will answer 503 STRIPE_UNAVAILABLE.");
        }
    }

    private StripeClient build(int retries) {
        return apiKey.filter(key -> !key.isBlank())
                .map(key -> StripeClient.builder()
                        .setApiKey(key)
                        .setApiBase(apiBase)
                        .setConnectTimeout((int) connectTimeout.toMillis())
                        .setReadTimeout((int) readTimeout.toMillis())
                        .setMaxNetworkRetries(retries)
                        .build())
                .orElse(null);
    }

    /** Whether a Stripe key is set: without one, every call answers STRIPE_UNAVAILABLE. */
    public boolean configured() {
        return client != null;
    }

    /** The client without retries, for reads that pace and retry on their own. */
    StripeClient readClient() {
        if (readClient == null) {
            throw new BillingFailure(Reason.STRIPE_UNAVAILABLE, "Billing is not configured on this server.");
        }
        return readClient;
    }

    /**
     * Creates the workspace's customer. The idempotency key is derived from the workspace, so a
     * retried or repeated create within Stripe's idempotency window yields the same customer.
     */
    public StripeCustomerId createCustomer(WorkspaceId workspace, Optional<String> email) {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder()
                .putMetadata(METADATA_WORKSPACE, workspace.value());
        email.ifPresent(params::setEmail);
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey("portico-customer-" + workspace.value())
                .build();
        Customer customer = call("create customer", () -> client().v1().customers().create(params.build(), options));
        if (!StripeCustomerId.isValid(customer.getId())) {
            LOG.warning("Stripe answered customer creation with a malformed customer id.");
            throw new BillingFailure(Reason.STRIPE_ERROR, "Stripe returned an unexpected answer.");
        }
        return new StripeCustomerId(customer.getId());
    }

    /**
     * The subscription a deep link acts on; for a switch to one price, also the item it replaces
     * and that price (else null). A switch leaves the quantity out: Stripe keeps the item's own.
     */
    public record FlowTarget(String subscriptionId, String itemId, String priceId) {
    }

    /** Opens a portal session and returns its URL. */
    public String createPortalSession(StripeCustomerId customer, String returnUrl, Optional<PortalFlow> flow,
                                      Optional<FlowTarget> target, Optional<String> configuration) {
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setCustomer(customer.value())
                .setReturnUrl(returnUrl);
        configuration.ifPresent(params::setConfiguration);
        flow.ifPresent(f -> params.setFlowData(flowData(f, returnUrl, target)));
        Session session = call("create portal session", () -> client().v1().billingPortal().sessions().create(params.build()));
        return session.getUrl();
    }

    /** Every active portal configuration of the account, page by page (as Stripe has them: JSON). */
    public List<JsonObject> listPortalConfigurations() {
        return everyPage("list portal configurations", after -> {
            ConfigurationListParams.Builder params = ConfigurationListParams.builder().setActive(true).setLimit(100L);
            if (after != null) {
                params.setStartingAfter(after);
            }
            return client().v1().billingPortal().configurations().list(params.build());
        }).stream().map(StripeGateway::json).toList();
    }

    /** One page of a Stripe list, after the object {@code startingAfter} (null: the first page). */
    private interface PageRequest<T extends HasId> {
        StripeCollection<T> page(String startingAfter) throws StripeException;
    }

    /** Every object of a Stripe list, page after page until Stripe says there are no more. */
    private <T extends HasId> List<T> everyPage(String what, PageRequest<T> request) {
        List<T> all = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            String cursor = after;
            StripeCollection<T> page = call(what, () -> request.page(cursor));
            all.addAll(page.getData());
            more = Boolean.TRUE.equals(page.getHasMore()) && !page.getData().isEmpty();
            after = more ? page.getData().get(page.getData().size() - 1).getId() : null;
        }
        return all;
    }

    /** Creates a portal configuration from form parameters; the key makes a repeated create the same one. */
    public JsonObject createPortalConfiguration(Map<String, Object> params, String idempotencyKey) {
        ConfigurationCreateParams create = ConfigurationCreateParams.builder().putAllExtraParam(params).build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
        return json(call("create portal configuration",
                () -> client().v1().billingPortal().configurations().create(create, options)));
    }

    /** Writes a portal configuration's parameters again. */
    public JsonObject updatePortalConfiguration(String id, Map<String, Object> params) {
        ConfigurationUpdateParams update = ConfigurationUpdateParams.builder().putAllExtraParam(params).build();
        return json(call("update portal configuration",
                () -> client().v1().billingPortal().configurations().update(id, update)));
    }

    /** An object as Stripe sent it, its fields stripe-java does not model included where it kept them. */
    private static JsonObject json(StripeObject object) {
        JsonObject raw = object.getRawJsonObject();
        return raw != null ? raw : JsonParser.parseString(object.toJson()).getAsJsonObject();
    }

    /** A product, for its name. */
    public Product retrieveProduct(String productId) {
        return call("retrieve product", () -> client().v1().products().retrieve(productId));
    }

    /** A payment method, for its card's brand, last four digits and expiry. */
    public PaymentMethod retrievePaymentMethod(String paymentMethodId) {
        return call("retrieve payment method", () -> client().v1().paymentMethods().retrieve(paymentMethodId));
    }

    /** The subscription as Stripe has it now. */
    public Subscription retrieveSubscription(String subscriptionId) {
        return call("retrieve subscription", () -> client().v1().subscriptions().retrieve(subscriptionId));
    }

    /**
     * The active prices marked as Portico plans ({@code metadata.portico_plan = true}), each with
     * its product, page by page. Stripe's list cannot filter by metadata, so the marking is checked here.
     */
    public List<Price> listPlanPrices() {
        return everyPage("list prices", after -> {
            PriceListParams.Builder params = PriceListParams.builder().setActive(true).addExpand("data.product").setLimit(100L);
            if (after != null) {
                params.setStartingAfter(after);
            }
            return client().v1().prices().list(params.build());
        }).stream().filter(price -> price.getMetadata() != null && "true".equals(price.getMetadata().get(PLAN_MARK))).toList();
    }

    /** The active entitlements of a customer (Stripe Entitlements), page by page: their features' lookup keys. */
    public List<String> listActiveEntitlements(String customerId) {
        return everyPage("list active entitlements", after -> {
            ActiveEntitlementListParams.Builder params = ActiveEntitlementListParams.builder().setCustomer(customerId)
                    .setLimit(100L);
            if (after != null) {
                params.setStartingAfter(after);
            }
            return client().v1().entitlements().activeEntitlements().list(params.build());
        }).stream().map(ActiveEntitlement::getLookupKey).toList();
    }

    private static FlowData flowData(PortalFlow flow, String returnUrl, Optional<FlowTarget> target) {
        Optional<String> subscriptionId = target.map(FlowTarget::subscriptionId);
        FlowData.Builder data = FlowData.builder()
                .setAfterCompletion(FlowData.AfterCompletion.builder()
                        .setType(FlowData.AfterCompletion.Type.REDIRECT)
                        .setRedirect(FlowData.AfterCompletion.Redirect.builder().setReturnUrl(returnUrl).build())
                        .build());
        switch (flow) {
            case PAYMENT_METHOD_UPDATE -> data.setType(FlowData.Type.PAYMENT_METHOD_UPDATE);
            case SUBSCRIPTION_CANCEL -> data.setType(FlowData.Type.SUBSCRIPTION_CANCEL)
                    .setSubscriptionCancel(FlowData.SubscriptionCancel.builder()
                            .setSubscription(subscriptionId.orElseThrow()).build());
            case SUBSCRIPTION_UPDATE -> data.setType(FlowData.Type.SUBSCRIPTION_UPDATE)
                    .setSubscriptionUpdate(FlowData.SubscriptionUpdate.builder()
                            .setSubscription(subscriptionId.orElseThrow()).build());
            case SUBSCRIPTION_UPDATE_CONFIRM -> data.setType(FlowData.Type.SUBSCRIPTION_UPDATE_CONFIRM)
                    .setSubscriptionUpdateConfirm(FlowData.SubscriptionUpdateConfirm.builder()
                            .setSubscription(subscriptionId.orElseThrow())
                            .addItem(FlowData.SubscriptionUpdateConfirm.Item.builder()
                                    .setId(target.orElseThrow().itemId()).setPrice(target.get().priceId()).build())
                            .build());
        }
        return data.build();
    }

    private StripeClient client() {
        if (client == null) {
            throw new BillingFailure(Reason.STRIPE_UNAVAILABLE, "Billing is not configured on this server.");
        }
        return client;
    }

    private <T> T call(String what, StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            logFailure(what, e);
            throw translate(e);
        }
    }

    /** The log line of a failed Stripe call: never Stripe's message, which can quote the request. */
    static void logFailure(String what, StripeException e) {
        LOG.warning(() -> String.format("Stripe call failed: %s type=%s status=%s code=%s request=%s",
                what, e.getClass().getSimpleName(), e.getStatusCode(), e.getCode(), e.getRequestId()));
    }

    static BillingFailure translate(StripeException e) {
        Integer status = e.getStatusCode();
        boolean unavailable = e instanceof ApiConnectionException || e instanceof RateLimitException
                || status == null || status >= 500;
        return unavailable
                ? new BillingFailure(Reason.STRIPE_UNAVAILABLE, "Stripe cannot be reached right now; try again shortly.")
                : new BillingFailure(Reason.STRIPE_ERROR, "Stripe rejected the request.");
    }

}
