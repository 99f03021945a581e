package dev.portico.billing.control;

import com.stripe.model.Invoice;
import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.StripeCustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resyncs one workspace with Stripe: its customer, subscriptions (any status) and recent
 * invoices (and the invoice held as failing, when not among them) are fetched outside any
 * transaction, then applied by {@link ResyncTransaction}; the publications follow its commit.
 */
@ApplicationScoped
public class Resync {

    @Inject
    BillingAccountRepository accounts;

    @Inject
    StripeReads stripe;

    @Inject
    ResyncTransaction transaction;

    @Inject
    PublicationDelivery delivery;

    @Inject
    BillingMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    Resync self;

    /** The drift found and repaired; throws {@code NO_CUSTOMER} for a workspace without a Stripe customer. */
    public List<Drifts.Drift> resync(WorkspaceId workspace, Optional<String> sweepId) throws InterruptedException {
        Held held = self.held(workspace).orElseThrow(() -> new BillingFailure(Reason.NO_CUSTOMER,
                "This workspace has no Stripe customer yet: there is nothing to sync."));
        String customer = held.customer().value();
        Instant fetchedAt = clock.instant();
        ResyncTransaction.Fetched fetched = fetch(customer, held.failingInvoice());
        ResyncTransaction.Done done = transaction.apply(customer, fetched, fetchedAt, sweepId);
        metrics.driftRepaired(done.drift().size());
        delivery.deliver(done.publications());
        return done.drift();
    }

    private ResyncTransaction.Fetched fetch(String customer, Optional<String> failing) throws InterruptedException {
        var found = stripe.customer(customer);
        var subscriptions = stripe.subscriptions(customer);
        List<Invoice> invoices = new ArrayList<>(stripe.invoices(customer));
        if (failing.isPresent() && invoices.stream().noneMatch(invoice -> failing.get().equals(invoice.getId()))) {
            invoices.add(stripe.invoice(failing.get()));
        }
        return new ResyncTransaction.Fetched(found, subscriptions, invoices);
    }

    /** What a resync needs to know first: the workspace's customer and the invoice held as failing. */
    public record Held(StripeCustomerId customer, Optional<String> failingInvoice) {
    }

    /** Empty when the workspace has no Stripe customer. */
    @Transactional
    public Optional<Held> held(WorkspaceId workspace) {
        return accounts.find(workspace).flatMap(account -> account.customer()
                .map(customer -> new Held(customer, account.failingInvoiceId())));
    }
}
