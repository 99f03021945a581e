package dev.portico.billing.control;

import com.stripe.model.Invoice;
import dev.portico.billing.api.BillingEvent;
import dev.portico.billing.api.PaymentActionRequired;
import dev.portico.billing.api.PaymentFailed;
import dev.portico.billing.api.PaymentRecovered;
import dev.portico.billing.entity.BillingAccount;
import dev.portico.billing.entity.BillingInvoice;
import dev.portico.billing.entity.InvoiceSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code invoice.payment_failed}, {@code invoice.paid}, {@code invoice.payment_succeeded} and
 * {@code invoice.payment_action_required}: tracks the workspace's failing invoice; with
 * {@code invoice.finalized}, {@code invoice.voided} and {@code invoice.marked_uncollectible}, keeps
 * the invoices the billing page lists. An invoice only
 * moves forward, so a failure reported after the payment changes nothing, and Stripe's paired
 * {@code paid}/{@code payment_succeeded} announce one recovery.
 */
@ApplicationScoped
class InvoiceEventHandler implements EventHandler {

    private static final Set<String> TYPES = Set.of("invoice.payment_failed", "invoice.paid", "invoice.payment_succeeded",
            "invoice.payment_action_required", "invoice.finalized", "invoice.voided", "invoice.marked_uncollectible");

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    AccountLocator locator;

    @Inject
    Clock clock;

    /** {@code invoice.payment_succeeded} comes with {@code invoice.paid}, which carries the same. */
    @Override
    public Set<String> recoveredTypes() {
        return TYPES.stream().filter(type -> !type.equals("invoice.payment_succeeded"))
                .collect(Collectors.toSet());
    }

    @Override
    public Set<String> types() {
        return TYPES;
    }

    @Override
    public Applied apply(TypedEvent event) {
        InvoiceSnapshot invoice = Snapshots.of((Invoice) event.object());
        Optional<BillingAccount> found = locator.byCustomer(invoice.customerId());
        if (found.isEmpty()) {
            return Applied.unmatched("No workspace has customer " + invoice.customerId() + " yet.");
        }
        BillingAccount account = found.get();
        BillingInvoice held = Optional.ofNullable(em.find(BillingInvoice.class, invoice.id())).orElseGet(() -> {
            BillingInvoice created = new BillingInvoice(invoice.id(), account.workspace());
            em.persist(created);
            return created;
        });
        if (!held.update(invoice, event.created())) {
            return Applied.ignored(account.workspace(), "Nothing newer than what Portico holds for " + invoice.id() + ".");
        }
        return Applied.applied(account.workspace(), switch (event.type()) {
            case "invoice.payment_failed" -> failed(event, account, held, invoice);
            case "invoice.payment_action_required" -> List.of(new PaymentActionRequired(event.eventId(),
                    account.workspace(), invoice.id(), invoice.hostedInvoiceUrl()));
            case "invoice.paid", "invoice.payment_succeeded" -> paid(event, account, held, invoice);
            default -> closed(account, held, invoice);
        });
    }

    private List<BillingEvent> failed(TypedEvent event, BillingAccount account, BillingInvoice held, InvoiceSnapshot invoice) {
        if (held.isSettled()) {
            return List.of();
        }
        account.invoiceFailing(invoice.id(), clock.instant());
        return List.of(new PaymentFailed(event.eventId(), account.workspace(), invoice.id(), invoice.attemptCount(),
                invoice.nextPaymentAttempt(), invoice.amountDue() == null ? 0 : invoice.amountDue(), invoice.currency(),
                invoice.hostedInvoiceUrl()));
    }

    /**
     * Finalized, voided or marked uncollectible: kept for the invoice list. A voided or
     * uncollectible invoice is no longer collected, so it stops being the failing one; nothing was
     * paid, so nothing is announced.
     */
    private List<BillingEvent> closed(BillingAccount account, BillingInvoice held, InvoiceSnapshot invoice) {
        if (held.isSettled() && !"paid".equals(invoice.status())) {
            account.invoiceSettled(invoice.id(), clock.instant());
        }
        return List.of();
    }

    private List<BillingEvent> paid(TypedEvent event, BillingAccount account, BillingInvoice held, InvoiceSnapshot invoice) {
        boolean wasFailing = account.failingInvoiceId().filter(invoice.id()::equals).isPresent();
        if (!held.isSettled() || !wasFailing) {
            return List.of();
        }
        account.invoiceSettled(invoice.id(), clock.instant());
        return List.of(new PaymentRecovered(event.eventId(), account.workspace(), invoice.id(),
                invoice.amountPaid() == null ? 0 : invoice.amountPaid(), invoice.currency()));
    }
}
