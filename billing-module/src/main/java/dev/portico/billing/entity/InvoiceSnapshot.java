package dev.portico.billing.entity;

import java.time.Instant;
import java.util.Objects;

/** What one Stripe event (or a fetch) said an invoice looked like. */
public record InvoiceSnapshot(String id, String customerId, String subscriptionId, String status, int attemptCount,
                              Long amountDue, Long amountPaid, String currency, Instant nextPaymentAttempt,
                              String hostedInvoiceUrl, String number, Instant created, String invoicePdf) {

    public InvoiceSnapshot {
        Objects.requireNonNull(id, "Invoice id is required.");
        Objects.requireNonNull(status, "Invoice status is required.");
    }
}
