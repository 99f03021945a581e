package dev.portico.billing.control;

import dev.portico.billing.api.BillingEvent;
import dev.portico.billing.api.BillingStateChanged;
import dev.portico.billing.api.BillingStatus;
import dev.portico.billing.api.SubscriptionActivated;
import dev.portico.billing.api.SubscriptionCancelScheduled;
import dev.portico.billing.api.SubscriptionCanceled;
import dev.portico.billing.api.SubscriptionPaused;
import dev.portico.billing.api.SubscriptionResumed;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.AccountState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Names what changed between two states of a workspace's subscription. Derived from state, not
 * from event types, so a duplicate or a late event that changes nothing announces nothing.
 */
final class Transitions {

    private Transitions() {
    }

    static List<BillingEvent> between(String eventId, Instant asOf, WorkspaceId workspace, AccountState before,
                                      AccountState after, BillingStatus status) {
        List<BillingEvent> events = new ArrayList<>();
        if (sameSubscriptionState(before, after)) {
            return events;
        }
        String subscription = after.subscriptionId();
        boolean wasScheduled = before.cancelAtPeriodEnd() || before.cancelAt() != null;
        boolean isScheduled = after.cancelAtPeriodEnd() || after.cancelAt() != null;
        if (after.isLive() && !before.isLive() && !"paused".equals(before.status())) {
            events.add(new SubscriptionActivated(eventId, workspace, subscription, after.status(), after.currentPeriodEnd()));
        }
        if (after.isLive() && "paused".equals(before.status())) {
            events.add(new SubscriptionResumed(eventId, workspace, subscription, after.currentPeriodEnd(), false,
                    after.plan(), after.subscriptionCreatedAt(), asOf));
        }
        if (after.isLive() && isScheduled && !wasScheduled) {
            Instant endsAt = after.cancelAt() != null ? after.cancelAt() : after.currentPeriodEnd();
            events.add(new SubscriptionCancelScheduled(eventId, workspace, subscription, endsAt,
                    after.cancellationReason(), after.cancellationFeedback(), after.cancellationComment(), after.plan(),
                    after.subscriptionCreatedAt(), asOf));
        }
        if (after.isLive() && before.isLive() && wasScheduled && !isScheduled
                && Objects.equals(before.subscriptionId(), subscription)) {
            events.add(new SubscriptionResumed(eventId, workspace, subscription, after.currentPeriodEnd(), true,
                    after.plan(), after.subscriptionCreatedAt(), asOf));
        }
        if ("paused".equals(after.status()) && !"paused".equals(before.status())) {
            events.add(new SubscriptionPaused(eventId, workspace, subscription));
        }
        if ("canceled".equals(after.status()) && !"canceled".equals(before.status())) {
            events.add(new SubscriptionCanceled(eventId, workspace, subscription, after.endedAt(), after.currentPeriodEnd(),
                    after.cancellationReason(), after.cancellationFeedback(), after.cancellationComment(), after.plan(),
                    after.subscriptionCreatedAt(), asOf));
        }
        events.add(new BillingStateChanged(eventId, workspace, status, asOf));
        return events;
    }

    private static boolean sameSubscriptionState(AccountState a, AccountState b) {
        return Objects.equals(a.subscriptionId(), b.subscriptionId()) && Objects.equals(a.status(), b.status())
                && Objects.equals(a.priceId(), b.priceId()) && Objects.equals(a.currentPeriodEnd(), b.currentPeriodEnd())
                && a.cancelAtPeriodEnd() == b.cancelAtPeriodEnd() && Objects.equals(a.cancelAt(), b.cancelAt())
                && Objects.equals(a.endedAt(), b.endedAt());
    }
}
