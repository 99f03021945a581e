package dev.portico.billing.api;

/** Paying an invoice needs the customer (e.g. 3-D Secure) at {@code hostedInvoiceUrl}. */
public record PaymentActionRequired(String stripeEventId, WorkspaceId workspace, String invoiceId,
                                    String hostedInvoiceUrl) implements BillingEvent {
}
