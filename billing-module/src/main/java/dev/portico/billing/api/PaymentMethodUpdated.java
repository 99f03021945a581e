package dev.portico.billing.api;

/** The customer's default payment method changed (or a new one was attached). */
public record PaymentMethodUpdated(String stripeEventId, WorkspaceId workspace, String paymentMethodId)
        implements BillingEvent {
}
