package dev.portico.billing.boundary;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.control.BillingAccountRepository;
import dev.portico.billing.control.PlanCatalogue;
import dev.portico.billing.entity.BillingAccount.PendingChange;
import dev.portico.billing.entity.BillingAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The plans on offer as a workspace sees them: which one it is on, and a switch Stripe has scheduled. */
@ApplicationScoped
public class PlanOffers {

    @Inject
    PlanCatalogue catalogue;

    @Inject
    BillingAccountRepository accounts;

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

    /** The switch Stripe has scheduled for the workspace, named by the plans held (else the price id). */
    public Optional<Pending> pending(WorkspaceId workspace) {
        return accounts.find(workspace).flatMap(this::pending);
    }

    private Optional<Pending> pending(BillingAccount account) {
        return account.pendingChange().map(change -> new Pending(change.priceId(), name(change), Optional.ofNullable(change.at())));
    }

    private String name(PendingChange change) {
        try {
            return catalogue.find(change.priceId()).map(OfferedPlan::name).orElse(change.priceId());
        } catch (BillingFailure stripeUnavailable) {
            return catalogue.held(change.priceId()).map(OfferedPlan::name).orElse(change.priceId());
        }
    }
}
