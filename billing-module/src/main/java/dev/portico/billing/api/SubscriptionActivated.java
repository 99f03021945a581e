package dev.portico.billing.api;

import java.time.Instant;

/** The subscription became {@code active} or {@code trialing} (from none, incomplete or past_due). */
public record SubscriptionActivated(String stripeEventId, WorkspaceId workspace, String subscriptionId, String status,
                                    Instant currentPeriodEnd) implements BillingEvent {
}
