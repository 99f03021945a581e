package dev.portico.billing.control;

import com.stripe.model.SubscriptionSchedule;
import dev.portico.billing.api.BillingEvent;
import dev.portico.billing.entity.BillingAccount;
import dev.portico.billing.entity.BillingAccount.PendingChange;
import dev.portico.billing.entity.ScheduleSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code subscription_schedule.*}: what Stripe will change later. The portal keeps a downgrade
 * "at the period end" as a schedule whose next phase holds the cheaper price; billing keeps that
 * phase's price and start as the subscription's pending change, and announces it once
 * ({@link dev.portico.billing.api.PlanChanged.Change#SCHEDULED}). A released, canceled or completed
 * schedule leaves nothing pending; the switch itself arrives as a subscription update.
 */
@ApplicationScoped
class ScheduleEventHandler implements EventHandler {

    private static final Set<String> TYPES = Set.of("subscription_schedule.created", "subscription_schedule.updated",
            "subscription_schedule.released", "subscription_schedule.canceled", "subscription_schedule.completed",
            "subscription_schedule.aborted");

    @Inject
    AccountLocator locator;

    @Inject
    PlanChanges planChanges;

    @Inject
    Clock clock;

    @Override
    public Set<String> types() {
        return TYPES;
    }

    /** Completed and aborted schedules leave nothing pending that the subscription's own update does not show. */
    @Override
    public Set<String> recoveredTypes() {
        return Set.of("subscription_schedule.created", "subscription_schedule.updated", "subscription_schedule.released",
                "subscription_schedule.canceled");
    }

    @Override
    public Applied apply(TypedEvent event) {
        SubscriptionSchedule schedule = (SubscriptionSchedule) event.object();
        Optional<BillingAccount> found = locator.byCustomerOrMetadata(schedule.getCustomer(), schedule.getMetadata());
        if (found.isEmpty()) {
            return Applied.unmatched("No workspace has customer " + schedule.getCustomer() + " yet.");
        }
        BillingAccount account = found.get();
        if (schedule.getSubscription() == null) {
            return Applied.ignored(account.workspace(), "The schedule has not started a subscription.");
        }
        Optional<PendingChange> before = account.pendingChange();
        ScheduleSnapshot snapshot = Snapshots.of(schedule);
        if (!account.applySchedule(snapshot, event.created(), clock.instant())) {
            return Applied.ignored(account.workspace(), "Changes nothing Portico holds of the subscription's schedule.");
        }
        List<BillingEvent> events = planChanges.scheduled(event.eventId(), event.created(), account.workspace(),
                account.state(), before, account.pendingChange()).<List<BillingEvent>>map(List::of).orElse(List.of());
        return Applied.applied(account.workspace(), events);
    }
}
