package dev.portico.billing.api;

import java.time.Instant;

/**
 * Collecting an invoice failed. {@code attemptCount} is Stripe's (1 on the first failure of this
 * invoice); {@code nextAttempt} is Stripe's next automatic retry, or null when there is none.
 */
public record PaymentFailed(String stripeEventId, WorkspaceId workspace, String invoiceId, int attemptCount,
                            Instant nextAttempt, long amountDue, String currency, String hostedInvoiceUrl)
        implements BillingEvent {
}
