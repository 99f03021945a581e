package dev.portico.billing.api;

/** The Stripe customer's email or name changed; the email is the billing contact. */
public record BillingContactChanged(String stripeEventId, WorkspaceId workspace, String email, String name)
        implements BillingEvent {
}
