package dev.portico.billing.boundary;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.PortalFlow;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.control.BillingAccountRepository;
import dev.portico.billing.control.BillingMetrics;
import dev.portico.billing.control.CustomerProvisioner;
import dev.portico.billing.control.PortalRateLimiter;
import dev.portico.billing.control.ReturnUrlPolicy;
import dev.portico.billing.control.StripeGateway;
import dev.portico.billing.entity.BillingAccount;
import dev.portico.billing.entity.StripeCustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Opens a Stripe Customer Portal session for a workspace: return-URL check, the portal
 * configuration's verdict on the flow, throttle (after the checks, so rejected input costs no
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

    /**
     * What a caller asks for; the workspace and email come from the caller's verified token, the
     * request id (for the log line) from the web layer.
     */
    public record Request(WorkspaceId workspace, Optional<String> email, Optional<String> returnUrl,
                          Optional<PortalFlow> flow, String requestId) {
    }

    public String open(Request request) {
        long started = System.nanoTime();
        String outcome = "ERROR";
        StripeCustomerId customer = null;
        try {
            String returnUrl = returnUrls.resolve(request.returnUrl());
            Optional<String> portal = configuration.forSession(request.flow());
            rateLimiter.acquire(request.workspace());
            customer = customers.customerOf(request.workspace(), request.email());
            Optional<String> subscription = subscriptionFor(request);
            String url = stripe.createPortalSession(customer, returnUrl, request.flow(), subscription, portal);
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

    private Optional<String> subscriptionFor(Request request) {
        if (request.flow().filter(PortalFlow::needsSubscription).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> subscription = accounts.find(request.workspace()).flatMap(BillingAccount::subscriptionId);
        if (subscription.isEmpty()) {
            throw new BillingFailure(Reason.NO_SUBSCRIPTION,
                    "This workspace has no subscription to " + request.flow().get().wireName().replace('_', ' ') + ".");
        }
        return subscription;
    }
}
