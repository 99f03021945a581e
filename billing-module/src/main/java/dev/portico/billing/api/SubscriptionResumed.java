package dev.portico.billing.api;

import java.time.Instant;

/** A scheduled cancellation was undone, or a paused subscription became active again. */
public record SubscriptionResumed(String stripeEventId, WorkspaceId workspace, String subscriptionId,
                                  Instant currentPeriodEnd) implements BillingEvent {
}
