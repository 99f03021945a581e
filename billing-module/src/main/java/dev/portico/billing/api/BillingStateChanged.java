package dev.portico.billing.api;

/** The workspace's subscription state changed in any way; {@code status} is the new state. */
public record BillingStateChanged(String stripeEventId, WorkspaceId workspace, BillingStatus status)
        implements BillingEvent {
}
