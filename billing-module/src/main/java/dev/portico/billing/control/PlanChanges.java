package dev.portico.billing.control;

import dev.portico.billing.api.PlanChanged;
import dev.portico.billing.api.PlanChanged.Change;
import dev.portico.billing.api.PlanPrice;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.boundary.OfferedPlan;
import dev.portico.billing.entity.AccountState;
import dev.portico.billing.entity.BillingAccount.PendingChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Names plan changes as {@link PlanChanged} facts: a subscription's price replaced (from its
 * states before and after an event), or a switch scheduled for later. Derived from state, so a
 * repeated or late event that changes nothing announces nothing. Names come from the plans this
 * node holds (never a call to Stripe inside the applier's transaction), else the price ids.
 */
@ApplicationScoped
class PlanChanges {

    /** Statuses in which a subscription has no plan to change any more. */
    private static final Set<String> OVER = Set.of("canceled", "incomplete_expired", "incomplete");

    @Inject
    PlanCatalogue catalogue;

    /** The change between two states of the same subscription, if its price changed while it ran. */
    Optional<PlanChanged> applied(String eventId, Instant asOf, WorkspaceId workspace, AccountState before, AccountState after) {
        if (before.priceId() == null || after.priceId() == null || before.priceId().equals(after.priceId())
                || !Objects.equals(before.subscriptionId(), after.subscriptionId())
                || before.status() == null || OVER.contains(before.status()) || OVER.contains(after.status())) {
            return Optional.empty();
        }
        Long was = MonthlyAmount.of(before.plan());
        Long is = MonthlyAmount.of(after.plan());
        Change change = was == null || is == null || was.equals(is) ? Change.SWITCHED
                : is > was ? Change.UPGRADED : Change.DOWNGRADED;
        return Optional.of(new PlanChanged(eventId, workspace, after.subscriptionId(), change, before.plan(), after.plan(),
                name(before.plan()), name(after.plan()), asOf, asOf));
    }

    /** A switch Stripe scheduled (the held state's next phase), when it is new. */
    Optional<PlanChanged> scheduled(String eventId, Instant asOf, WorkspaceId workspace, AccountState current,
                                    Optional<PendingChange> before, Optional<PendingChange> after) {
        if (after.isEmpty() || after.equals(before)) {
            return Optional.empty();
        }
        PendingChange pending = after.get();
        PlanPrice to = catalogue.held(pending.priceId()).map(plan -> price(plan, current.plan()))
                .orElse(new PlanPrice(pending.priceId(), null, null, null, null, null, null));
        return Optional.of(new PlanChanged(eventId, workspace, current.subscriptionId(), Change.SCHEDULED, current.plan(), to,
                name(current.plan()), name(to), pending.at(), asOf));
    }

    private String name(PlanPrice price) {
        return price == null ? null : catalogue.held(price.priceId()).map(OfferedPlan::name).orElse(price.priceId());
    }

    /** An offered plan as the subscription would have it: the same quantity. */
    private static PlanPrice price(OfferedPlan plan, PlanPrice current) {
        return new PlanPrice(plan.priceId(), plan.productId(), plan.amount(), plan.currency(), plan.interval(),
                plan.intervalCount(), current == null ? null : current.quantity());
    }
}
