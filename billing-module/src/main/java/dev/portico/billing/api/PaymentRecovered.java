package dev.portico.billing.api;

/** An invoice that had failed was paid. */
public record PaymentRecovered(String stripeEventId, WorkspaceId workspace, String invoiceId, long amountPaid,
                               String currency) implements BillingEvent {
}
