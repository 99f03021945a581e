package dev.portico.billing.control;

import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import dev.portico.billing.api.BillingEvent;
import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.entity.AccountState;
import dev.portico.billing.entity.BillingAccount;
import dev.portico.billing.entity.DriftRecord;
import dev.portico.billing.entity.ReconcileSweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Brings one workspace's stored state to Stripe's objects, fetched just before, through the event
 * handlers' own rules: each object is applied as an event created in the second the fetch began,
 * so it is fresher than any event created before, and an event of that very second ties and is
 * settled by asking Stripe, as ever. Runs under the customer's claim and row lock, like the
 * applier: a resync and the customer's events never interleave, on any node. What changed is
 * recorded as drift; what changed for other modules is published, exactly as events publish it.
 */
@ApplicationScoped
public class ResyncTransaction {

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    Claims claims;

    @Inject
    AccountLocator locator;

    @Inject
    EventHandlers handlers;

    @Inject
    Publications publications;

    @Inject
    Clock clock;

    /** Stripe's objects of one customer, as fetched. */
    public record Fetched(Customer customer, List<Subscription> subscriptions, List<Invoice> invoices) {
    }

    /** What the resync changed, and the publications to deliver once committed. */
    public record Done(List<Drifts.Drift> drift, List<Publications.Due> publications) {
    }

    /**
     * Applies {@code fetched} (fetched from {@code fetchedAt} on) to the customer's account and,
     * when the resync belongs to a sweep, counts it there in the same commit.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Done apply(String customerId, Fetched fetched, Instant fetchedAt, Optional<String> sweepId) {
        if (claims.takeUntilCommit(Set.of(customerId)).isEmpty()) {
            throw new BillingFailure(Reason.SYNC_BUSY, "Billing for this workspace is being updated right now; try again shortly.");
        }
        BillingAccount account = locator.byCustomer(customerId)
                .orElseThrow(() -> new BillingFailure(Reason.NO_CUSTOMER, "No workspace has this Stripe customer."));
        AccountState before = account.state();
        Optional<String> failingBefore = account.failingInvoiceId();
        Instant asOf = fetchedAt.truncatedTo(ChronoUnit.SECONDS);
        String resyncId = "resync_" + UUID.randomUUID().toString().replace("-", "");
        List<BillingEvent> facts = new ArrayList<>();
        newest(fetched.subscriptions()).ifPresent(subscription -> facts.addAll(apply(resyncId,
                "customer.subscription.updated", asOf, subscription, Map.of(subscription.getId(), subscription))));
        if (fetched.customer() != null && !Boolean.TRUE.equals(fetched.customer().getDeleted())) {
            facts.addAll(apply(resyncId, "customer.updated", asOf, fetched.customer(), Map.of()));
        }
        fetched.invoices().stream().sorted(Comparator.comparing(Invoice::getCreated, Comparator.nullsFirst(Long::compare)))
                .forEach(invoice -> invoiceEventType(invoice)
                        .ifPresent(type -> facts.addAll(apply(resyncId, type, asOf, invoice, Map.of()))));
        List<Drifts.Drift> drift = Drifts.between(before, failingBefore, account.state(), account.failingInvoiceId());
        Instant now = clock.instant();
        drift.forEach(each -> em.persist(new DriftRecord(UUID.randomUUID().toString(), sweepId.orElse(null),
                account.workspace().value(), each.field(), each.stored(), each.stripe(), now)));
        account.reconciled(now);
        sweepId.map(id -> em.find(ReconcileSweep.class, id, LockModeType.PESSIMISTIC_WRITE))
                .ifPresent(sweep -> sweep.checked(drift.size(), Optional.empty()));
        List<Publications.Due> due = new ArrayList<>();
        facts.forEach(fact -> due.addAll(publications.record(fact)));
        return new Done(drift, due);
    }

    private List<BillingEvent> apply(String resyncId, String type, Instant asOf, StripeObject object,
                                     Map<String, Subscription> fetched) {
        return handlers.of(type).apply(new TypedEvent(resyncId, type, asOf, object, fetched)).events();
    }

    /** The subscription the workspace follows: the most recently created (as the handler's rule says). */
    private static Optional<Subscription> newest(List<Subscription> subscriptions) {
        return subscriptions.stream().filter(s -> s.getCreated() != null)
                .max(Comparator.comparing(Subscription::getCreated).thenComparing(Subscription::getId));
    }

    /**
     * Which event a fetched invoice stands for: paid; failing (open after a failed attempt);
     * finalized (open, not tried yet); voided; marked uncollectible. A draft changes nothing kept.
     */
    private static Optional<String> invoiceEventType(Invoice invoice) {
        boolean attempted = invoice.getAttemptCount() != null && invoice.getAttemptCount() > 0;
        return Optional.ofNullable(switch (String.valueOf(invoice.getStatus())) {
            case "paid" -> "invoice.paid";
            case "open" -> attempted ? "invoice.payment_failed" : "invoice.finalized";
            case "void" -> "invoice.voided";
            case "uncollectible" -> "invoice.marked_uncollectible";
            default -> null;
        });
    }
}
