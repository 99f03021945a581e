package dev.portico.billing.boundary;

import dev.portico.billing.api.BillingStatus;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.control.BillingAccountRepository;
import dev.portico.billing.control.StripeDetails;
import dev.portico.billing.entity.BillingAccount;
import dev.portico.billing.entity.BillingInvoice;
import dev.portico.billing.entity.PaymentMethodDetails;
import dev.portico.billing.entity.PlanSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the billing page shows at a glance: the status, the plan with its price, the dates
 * that matter, the card charged, the failing invoice and the recent invoices. Read from what the
 * events left (one transaction), then names looked up outside it (a product's name or a card's
 * details may need one Stripe call, once per id: {@link StripeDetails}).
 */
@ApplicationScoped
public class BillingOverviews {

    /** The statuses in which a subscription renews at its period's end (unless a cancel is scheduled). */
    private static final Set<String> RENEWING = Set.of("active", "trialing", "past_due");

    /** Invoices listed, newest first. */
    public static final int INVOICES = 12;

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    BillingAccountRepository accounts;

    @Inject
    StripeDetails details;

    @Inject
    BillingOverviews self;

    @Inject
    PlanOffers offers;

    /**
     * The subscription's price. {@code name}: the product's name, else the price's nickname, else
     * its lookup key, else its id. {@code amount} in the currency's minor units.
     */
    public record Plan(String priceId, String name, Optional<Long> amount, Optional<String> currency,
                       Optional<String> interval, long intervalCount, long quantity) {
    }

    /** The payment method charged; {@code expiresBeforeRenewal} when its card ends before the next renewal. */
    public record PaymentMethod(String type, Optional<String> brand, Optional<String> last4, Optional<Integer> expMonth,
                                Optional<Integer> expYear, boolean expiresBeforeRenewal) {
    }

    public record Invoice(String id, Optional<String> number, Optional<Instant> created, Optional<Long> amountDue,
                          Optional<Long> amountPaid, Optional<String> currency, String status, int attemptCount,
                          Optional<Instant> nextPaymentAttempt, Optional<String> hostedInvoiceUrl,
                          Optional<String> invoicePdf) {
        static Invoice of(BillingInvoice i) {
            return new Invoice(i.id(), i.number(), i.createdAt(), i.amountDue(), i.amountPaid(), i.currency(), i.status(),
                    i.attemptCount(), i.nextPaymentAttempt(), i.hostedInvoiceUrl(), i.invoicePdf());
        }
    }

    public record Overview(BillingStatus status, Optional<Plan> plan, Optional<Instant> trialEnd, Optional<Instant> cancelAt,
                           Optional<Instant> endedAt, Optional<PaymentMethod> paymentMethod, Optional<Invoice> failingInvoice,
                           List<Invoice> invoices, Optional<PlanOffers.Pending> pendingChange) {
    }

    /** What the events left, read in one transaction. */
    public record Held(BillingStatus status, Optional<BillingAccount> account, Optional<BillingInvoice> failing,
                       List<BillingInvoice> invoices) {
    }

    public Overview of(WorkspaceId workspace) {
        Held held = self.held(workspace);
        if (held.account().isEmpty()) {
            return new Overview(held.status(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), List.of(), Optional.empty());
        }
        BillingAccount account = held.account().get();
        return new Overview(held.status(), plan(account), account.trialEnd(), account.cancelAt(), account.endedAt(),
                account.chargedPaymentMethod().flatMap(details::paymentMethod).map(method -> paymentMethod(method, account)),
                held.failing().map(Invoice::of), held.invoices().stream().map(Invoice::of).toList(),
                account.pendingChange().map(offers::named));
    }

    @Transactional
    public Held held(WorkspaceId workspace) {
        Optional<BillingAccount> account = accounts.find(workspace);
        BillingStatus status = account.map(BillingAccount::status).orElseGet(() -> BillingStatus.none(workspace));
        Optional<BillingInvoice> failing = account.flatMap(BillingAccount::failingInvoiceId)
                .map(id -> em.find(BillingInvoice.class, id));
        List<BillingInvoice> invoices = em.createQuery("SELECT i FROM BillingInvoice i WHERE i.workspaceId = :workspace"
                        + " ORDER BY i.createdAt DESC, i.invoiceId DESC", BillingInvoice.class)
                .setParameter("workspace", workspace.value()).setMaxResults(INVOICES).getResultList();
        return new Held(status, account, failing, invoices);
    }

    private Optional<Plan> plan(BillingAccount account) {
        if (account.priceId().isEmpty()) {
            return Optional.empty();
        }
        Optional<PlanSnapshot> price = account.plan();
        String name = account.productId().flatMap(details::productName)
                .or(() -> price.map(PlanSnapshot::nickname))
                .or(() -> price.map(PlanSnapshot::lookupKey))
                .orElse(account.priceId().get());
        return Optional.of(new Plan(account.priceId().get(), name, price.map(PlanSnapshot::unitAmount),
                price.map(PlanSnapshot::currency), price.map(PlanSnapshot::interval),
                price.map(PlanSnapshot::intervalCount).orElse(1L), price.map(PlanSnapshot::quantity).orElse(1L)));
    }

    private static PaymentMethod paymentMethod(PaymentMethodDetails method, BillingAccount account) {
        BillingStatus status = account.status();
        boolean renews = RENEWING.contains(status.status()) && !status.cancelAtPeriodEnd() && account.cancelAt().isEmpty();
        boolean expiresFirst = renews && method.expiresAt().isPresent() && account.currentPeriodEnd().isPresent()
                && !method.expiresAt().get().isAfter(account.currentPeriodEnd().get());
        return new PaymentMethod(method.type(), method.brand(), method.last4(), method.expMonth(), method.expYear(), expiresFirst);
    }
}
