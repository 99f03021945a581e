package dev.portico.billing.api;

/** The subscription was paused (e.g. a trial ended without a payment method). */
public record SubscriptionPaused(String stripeEventId, WorkspaceId workspace, String subscriptionId)
        implements BillingEvent {
}
