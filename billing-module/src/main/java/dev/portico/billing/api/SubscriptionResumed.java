package dev.portico.billing.api;

import java.time.Instant;

/**
 * A scheduled cancellation was undone ({@code cancelUndone}), or a paused subscription became
 * active again. {@code plan} is the subscription's price (null when unknown), {@code startedAt}
 * when it was created, {@code asOf} the time of the Stripe event that said so.
 */
public record SubscriptionResumed(String stripeEventId, WorkspaceId workspace, String subscriptionId,
                                  Instant currentPeriodEnd, boolean cancelUndone, PlanPrice plan, Instant startedAt,
                                  Instant asOf) implements BillingEvent {
}
