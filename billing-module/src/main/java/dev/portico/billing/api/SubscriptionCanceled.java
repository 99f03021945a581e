package dev.portico.billing.api;

import java.time.Instant;

/** The subscription ended; what was paid for runs until {@code paidUntil} (may be null). */
public record SubscriptionCanceled(String stripeEventId, WorkspaceId workspace, String subscriptionId, Instant endedAt,
                                   Instant paidUntil, String reason, String feedback) implements BillingEvent {
}
