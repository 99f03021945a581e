package dev.portico.billing.control;

import com.stripe.model.Subscription;
import dev.portico.billing.api.BillingEvent;
import dev.portico.billing.api.TrialEnding;
import dev.portico.billing.entity.AccountState;
import dev.portico.billing.entity.BillingAccount;
import dev.portico.billing.entity.BillingAccount.SnapshotOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code customer.subscription.*}: keeps the workspace's subscription as Stripe last described
 * it. Freshness is the event's own time; when two different snapshots share a second, the
 * subscription as Stripe has it now decides (see {@link BillingAccount#applySubscription}),
 * fetched by the applier outside the transaction ({@link TieBreakNeeded}).
 */
@ApplicationScoped
class SubscriptionEventHandler implements EventHandler {

    @Inject
    AccountLocator locator;

    @Inject
    Clock clock;

    @Inject
    PlanChanges planChanges;

    /** Every {@code customer.subscription.*} type of Stripe's API: each carries the subscription as it is. */
    private static final Set<String> TYPES = Set.of("customer.subscription.created", "customer.subscription.updated",
            "customer.subscription.deleted", "customer.subscription.paused", "customer.subscription.resumed",
            "customer.subscription.trial_will_end", "customer.subscription.pending_update_applied",
            "customer.subscription.pending_update_expired");

    @Override
    public Set<String> types() {
        return TYPES;
    }

    /** A pending update applied or expired also arrives as {@code customer.subscription.updated}. */
    @Override
    public Set<String> recoveredTypes() {
        return TYPES.stream().filter(type -> !type.startsWith("customer.subscription.pending_update_"))
                .collect(Collectors.toSet());
    }

    @Override
    public Applied apply(TypedEvent event) {
        Subscription subscription = (Subscription) event.object();
        Optional<BillingAccount> found = locator.byCustomerOrMetadata(subscription.getCustomer(), subscription.getMetadata());
        if (found.isEmpty()) {
            return Applied.unmatched("No workspace has customer " + subscription.getCustomer() + " yet.");
        }
        BillingAccount account = found.get();
        AccountState before = account.state();
        SnapshotOutcome outcome = account.applySubscription(Snapshots.of(subscription), event.created(), clock.instant());
        if (outcome == SnapshotOutcome.TIE) {
            Subscription current = event.fetched().get(subscription.getId());
            if (current == null) {
                throw new TieBreakNeeded(event.eventId(), subscription.getId());
            }
            account.takeFetched(Snapshots.of(current), clock.instant());
        }
        List<BillingEvent> events = new ArrayList<>(Transitions.between(event.eventId(), event.created(), account.workspace(), before,
                account.state(), account.status()));
        planChanges.applied(event.eventId(), event.created(), account.workspace(), before, account.state())
                .ifPresent(events::add);
        if (event.type().equals("customer.subscription.trial_will_end") && subscription.getTrialEnd() != null) {
            events.add(new TrialEnding(event.eventId(), account.workspace(), subscription.getId(),
                    Snapshots.instant(subscription.getTrialEnd())));
        }
        if (outcome == SnapshotOutcome.STALE && events.isEmpty()) {
            return Applied.ignored(account.workspace(), "Older than the subscription state Portico holds.");
        }
        return Applied.applied(account.workspace(), events);
    }
}
