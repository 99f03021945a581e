package dev.portico.billing.boundary;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.control.BillingAccountRepository;
import dev.portico.billing.control.PlanCatalogue;
import dev.portico.billing.control.StripeGateway;
import dev.portico.billing.entity.BillingAccount;
import dev.portico.billing.entity.BillingAccount.PendingChange;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The plans on offer as a workspace sees them (which one it is on, a switch Stripe has
 * scheduled), and the refresh that keeps every node's copy of them current.
 */
@ApplicationScoped
public class PlanOffers {

    @Inject
    PlanCatalogue catalogue;

    @Inject
    StripeGateway stripe;

    @Inject
    BillingAccountRepository accounts;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "portico.plans.refresh-interval")
    Duration interval;

    private ScheduledFuture<?> task;

    /**
     * Reads the plans from Stripe now, in the background, and every {@code portico.plans.refresh-interval}
     * after, so that every node's modules know what each plan includes whether or not anyone looks.
     * Without a Stripe key there is nothing to read: nothing is scheduled.
     */
    public synchronized void start() {
        if (task == null && stripe.configured()) {
            task = scheduler.scheduleWithFixedDelay(catalogue::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** What the workspace is offered; {@code current} is its subscription's price, if it has one. */
    public record Offer(List<OfferedPlan> plans, Optional<String> current, Optional<Pending> pending) {
    }

    /** A switch to {@code priceId} (named {@code name}) that Stripe applies at {@code at} (empty: not said). */
    public record Pending(String priceId, String name, Optional<Instant> at) {
    }

    /** The plans (read from Stripe if none are held: {@code STRIPE_UNAVAILABLE} when it cannot be reached). */
    public Offer of(WorkspaceId workspace) {
        List<OfferedPlan> plans = catalogue.plans();
        Optional<BillingAccount> account = accounts.find(workspace);
        return new Offer(plans, account.flatMap(BillingAccount::priceId), account.flatMap(this::pending));
    }

    /** A switch Stripe has scheduled, named by the plans on offer (else its price id). */
    Pending named(PendingChange change) {
        return new Pending(change.priceId(), name(change), Optional.ofNullable(change.at()));
    }

    private Optional<Pending> pending(BillingAccount account) {
        return account.pendingChange().map(this::named);
    }

    private String name(PendingChange change) {
        try {
            return catalogue.find(change.priceId()).map(OfferedPlan::name).orElse(change.priceId());
        } catch (BillingFailure stripeUnavailable) {
            return catalogue.held(change.priceId()).map(OfferedPlan::name).orElse(change.priceId());
        }
    }
}
