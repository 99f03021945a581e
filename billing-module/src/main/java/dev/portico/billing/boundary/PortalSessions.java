package dev.portico.billing.boundary;

import com.stripe.model.Subscription;
import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.PortalFlow;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.control.BillingAccountRepository;
import dev.portico.billing.control.BillingMetrics;
import dev.portico.billing.control.CustomerProvisioner;
import dev.portico.billing.control.PlanCatalogue;
import dev.portico.billing.control.PortalRateLimiter;
import dev.portico.billing.control.ReturnUrlPolicy;
import dev.portico.billing.control.StripeGateway;
import dev.portico.billing.control.StripeGateway.FlowTarget;
import dev.portico.billing.entity.BillingAccount;
import dev.portico.billing.entity.StripeCustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Opens a Stripe Customer Portal session for a workspace: return-URL check, the portal
 * configuration's verdict on the flow, the plan a switch goes to, throttle (after the checks, so rejected input costs no
 * quota), get-or-create of the customer, optional deep link, the configuration's id.
 * Logs one structured line per attempt.
 */
@ApplicationScoped
public class PortalSessions {

    private static final Logger LOG = Logger.getLogger(PortalSessions.class.getName());

    @Inject
    PortalRateLimiter rateLimiter;

    @Inject
    ReturnUrlPolicy returnUrls;

    @Inject
    CustomerProvisioner customers;

    @Inject
    BillingAccountRepository accounts;

    @Inject
    StripeGateway stripe;

    @Inject
    BillingMetrics metrics;

    @Inject
    PortalConfiguration configuration;

    @Inject
    PlanCatalogue catalogue;

    /**
     * What a caller asks for; the workspace and email come from the caller's verified token, the
     * request id (for the log line) from the web layer.
     */
    public record Request(WorkspaceId workspace, Optional<String> email, Optional<String> returnUrl,
                          Optional<PortalFlow> flow, Optional<String> price, String requestId) {

        /** A request without a plan to switch to. */
        public Request(WorkspaceId workspace, Optional<String> email, Optional<String> returnUrl, Optional<PortalFlow> flow,
                       String requestId) {
            this(workspace, email, returnUrl, flow, Optional.empty(), requestId);
        }
    }

    public String open(Request request) {
        long started = System.nanoTime();
        String outcome = "ERROR";
        StripeCustomerId customer = null;
        try {
            String returnUrl = returnUrls.resolve(request.returnUrl());
            Optional<String> portal = configuration.forSession(request.flow());
            Optional<String> price = planFor(request);
            rateLimiter.acquire(request.workspace());
            customer = customers.customerOf(request.workspace(), request.email());
            Optional<FlowTarget> target = targetOf(request, price);
            String url = stripe.createPortalSession(customer, returnUrl, request.flow(), target, portal);
            outcome = "OK";
            return url;
        } catch (BillingFailure failure) {
            outcome = failure.reason().name();
            throw failure;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            metrics.portalSession(outcome, took);
            long millis = took.toMillis();
            String line = String.format("portal_session request=%s workspace=%s customer=%s flow=%s outcome=%s"
                            + " duration_ms=%d", request.requestId(), request.workspace(), customer == null ? "-" : customer,
                    request.flow().map(PortalFlow::wireName).orElse("-"), outcome, millis);
            LOG.info(line);
        }
    }

    /**
     * The price a switch goes to: required with {@code subscription_update_confirm} and refused
     * with any other flow; one of the plans on offer, other than the workspace's own.
     */
    private Optional<String> planFor(Request request) {
        boolean switching = request.flow().filter(flow -> flow == PortalFlow.SUBSCRIPTION_UPDATE_CONFIRM).isPresent();
        if (!switching) {
            if (request.price().isPresent()) {
                throw new BillingFailure(Reason.INVALID_PLAN, "price goes only with flow subscription_update_confirm.");
            }
            return Optional.empty();
        }
        String price = request.price().orElseThrow(() -> new BillingFailure(Reason.INVALID_PLAN,
                "flow subscription_update_confirm needs the price of the plan to switch to."));
        if (catalogue.find(price).isEmpty()) {
            throw new BillingFailure(Reason.INVALID_PLAN, "That price is not one of the plans on offer.");
        }
        if (accounts.find(request.workspace()).flatMap(BillingAccount::priceId).filter(price::equals).isPresent()) {
            throw new BillingFailure(Reason.INVALID_PLAN, "The workspace is on that plan already.");
        }
        return Optional.of(price);
    }

    /**
     * The subscription the flow acts on and, for a switch, its first item. A subscription last
     * described before Portico kept item ids is asked of Stripe once.
     */
    private Optional<FlowTarget> targetOf(Request request, Optional<String> price) {
        if (request.flow().filter(PortalFlow::needsSubscription).isEmpty()) {
            return Optional.empty();
        }
        Optional<BillingAccount> account = accounts.find(request.workspace());
        Optional<String> subscription = account.flatMap(BillingAccount::subscriptionId);
        if (subscription.isEmpty()) {
            throw new BillingFailure(Reason.NO_SUBSCRIPTION,
                    "This workspace has no subscription to " + request.flow().get().wireName().replace('_', ' ') + ".");
        }
        if (price.isEmpty()) {
            return Optional.of(new FlowTarget(subscription.get(), null, null));
        }
        String item = account.flatMap(BillingAccount::subscriptionItemId)
                .orElseGet(() -> firstItem(stripe.retrieveSubscription(subscription.get())));
        return Optional.of(new FlowTarget(subscription.get(), item, price.get()));
    }

    private static String firstItem(Subscription subscription) {
        if (subscription.getItems() == null || subscription.getItems().getData() == null
                || subscription.getItems().getData().isEmpty()) {
            throw new BillingFailure(Reason.NO_SUBSCRIPTION, "The workspace's subscription has no plan to switch.");
        }
        return subscription.getItems().getData().get(0).getId();
    }
}
