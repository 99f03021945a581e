package dev.portico.billing.entity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What one Stripe event (or a fetch) said a subscription looked like. In current Stripe API
 * versions the billing period lives on the subscription items: the first item's period is used.
 * {@code itemId}: that first item's id, which a plan switch replaces.
 */
public record SubscriptionSnapshot(String id, String status, Instant created, String priceId, String productId,
                                   Instant currentPeriodEnd, Instant trialEnd, boolean cancelAtPeriodEnd,
                                   Instant cancelAt, Instant canceledAt, Instant endedAt, String cancellationReason,
                                   String cancellationFeedback, String cancellationComment, PlanSnapshot plan,
                                   String defaultPaymentMethod, String itemId) {

    /** Stripe never moves a subscription out of these statuses. */
    private static final Set<String> TERMINAL = Set.of("canceled", "incomplete_expired");

    public SubscriptionSnapshot {
        Objects.requireNonNull(id, "Subscription id is required.");
        Objects.requireNonNull(status, "Subscription status is required.");
        Objects.requireNonNull(created, "Subscription creation time is required.");
    }

    /** A snapshot that says nothing of the price beyond its id, nor of a payment method. */
    public SubscriptionSnapshot(String id, String status, Instant created, String priceId, String productId,
                                Instant currentPeriodEnd, Instant trialEnd, boolean cancelAtPeriodEnd, Instant cancelAt,
                                Instant canceledAt, Instant endedAt, String cancellationReason, String cancellationFeedback,
                                String cancellationComment) {
        this(id, status, created, priceId, productId, currentPeriodEnd, trialEnd, cancelAtPeriodEnd, cancelAt, canceledAt,
                endedAt, cancellationReason, cancellationFeedback, cancellationComment, null, null, null);
    }

    public boolean isTerminal() {
        return TERMINAL.contains(status);
    }

    static boolean isTerminal(String status) {
        return TERMINAL.contains(status);
    }
}
