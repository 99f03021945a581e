package dev.portico.billing.entity;

import dev.portico.billing.api.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An invoice as Stripe last described it. Invoices only move forward (draft, open, then paid,
 * void or uncollectible) and their attempt count only grows, which orders their snapshots.
 */
@Entity
@Table(name = "billing_invoice")
public class BillingInvoice {

    private static final Map<String, Integer> PROGRESS = Map.of(
            "draft", 0, "open", 1, "paid", 2, "void", 2, "uncollectible", 2);

    @Id
    @Column(name = "invoice_id")
    private String invoiceId;

    @Column(name = "workspace_id", length = 64, nullable = false)
    private String workspaceId;

    @Column(name = "subscription_id")
    private String subscriptionId;

    @Column(name = "status", length = 32, nullable = false)
    private String status;

    @Column(name = "attempt_count", nullable = false)
    private int attemptCount;

    @Column(name = "amount_due")
    private Long amountDue;

    @Column(name = "amount_paid")
    private Long amountPaid;

    @Column(name = "currency", length = 8)
    private String currency;

    @Column(name = "next_payment_attempt")
    private Instant nextPaymentAttempt;

    @Column(name = "hosted_invoice_url", length = 1000)
    private String hostedInvoiceUrl;

    @Column(name = "as_of", nullable = false)
    private Instant asOf;

    @Column(name = "invoice_number", length = 64)
    private String number;

    @Column(name = "stripe_created_at")
    private Instant createdAt;

    @Column(name = "invoice_pdf", length = 1000)
    private String invoicePdf;

    protected BillingInvoice() {
        // for JPA
    }

    public BillingInvoice(String invoiceId, WorkspaceId workspace) {
        this.invoiceId = Objects.requireNonNull(invoiceId, "Invoice id is required.");
        this.workspaceId = Objects.requireNonNull(workspace, "Workspace is required.").value();
    }

    /** Takes over the snapshot unless ours is further along; true when taken. */
    public boolean update(InvoiceSnapshot snapshot, Instant asOf) {
        if (status != null) {
            int held = PROGRESS.getOrDefault(status, 0);
            int offered = PROGRESS.getOrDefault(snapshot.status(), 0);
            if (offered < held || (offered == held && snapshot.attemptCount() < attemptCount)
                    || (offered == held && snapshot.attemptCount() == attemptCount && !asOf.isAfter(this.asOf))) {
                return false;
            }
        }
        subscriptionId = snapshot.subscriptionId();
        status = snapshot.status();
        attemptCount = snapshot.attemptCount();
        amountDue = snapshot.amountDue();
        amountPaid = snapshot.amountPaid();
        currency = snapshot.currency();
        nextPaymentAttempt = snapshot.nextPaymentAttempt();
        hostedInvoiceUrl = snapshot.hostedInvoiceUrl();
        number = snapshot.number() == null ? number : snapshot.number();
        createdAt = snapshot.created() == null ? createdAt : snapshot.created();
        invoicePdf = snapshot.invoicePdf() == null ? invoicePdf : snapshot.invoicePdf();
        this.asOf = asOf;
        return true;
    }

    public String id() {
        return invoiceId;
    }

    public String status() {
        return status;
    }

    public int attemptCount() {
        return attemptCount;
    }

    public Optional<Long> amountDue() {
        return Optional.ofNullable(amountDue);
    }

    public Optional<Long> amountPaid() {
        return Optional.ofNullable(amountPaid);
    }

    public Optional<String> currency() {
        return Optional.ofNullable(currency);
    }

    public Optional<Instant> nextPaymentAttempt() {
        return Optional.ofNullable(nextPaymentAttempt);
    }

    public Optional<String> hostedInvoiceUrl() {
        return Optional.ofNullable(hostedInvoiceUrl);
    }

    /** Stripe's invoice number (e.g. {@code A1B2C3D4-0001}), once finalized. */
    public Optional<String> number() {
        return Optional.ofNullable(number);
    }

    /** Stripe's time of the invoice's creation. */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    public Optional<String> invoicePdf() {
        return Optional.ofNullable(invoicePdf);
    }

    public boolean isSettled() {
        return PROGRESS.getOrDefault(status, 0) >= 2;
    }
}
