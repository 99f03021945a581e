package dev.portico.billing.api;

import java.time.Instant;

/**
 * The workspace's subscription state changed in any way; {@code status} is the new state, as Stripe
 * stated it at {@code asOf} (the Stripe event's creation time).
 */
public record BillingStateChanged(String stripeEventId, WorkspaceId workspace, BillingStatus status, Instant asOf)
        implements BillingEvent {
}
