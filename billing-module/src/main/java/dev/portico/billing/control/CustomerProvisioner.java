package dev.portico.billing.control;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.BillingAccount;
import dev.portico.billing.entity.StripeCustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Get-or-create of a workspace's Stripe customer, safe under concurrency: the account row is
 * locked while the customer is created, so parallel first requests wait for the first one and then
 * reuse its customer; the Stripe call also carries an idempotency key derived from the workspace.
 */
@ApplicationScoped
public class CustomerProvisioner {

    @Inject
    BillingAccountRepository accounts;

    @Inject
    AccountOpener opener;

    @Inject
    StripeGateway stripe;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public StripeCustomerId customerOf(WorkspaceId workspace, Optional<String> email) {
        try {
            opener.insertIfMissing(workspace);
        } catch (RuntimeException raced) {
            // A parallel request inserted the row first; the locked read below finds it. Any other
            // fault (database down) resurfaces on that read.
        }
        BillingAccount account = accounts.findForUpdate(workspace)
                .orElseThrow(() -> new IllegalStateException("Billing account vanished: " + workspace));
        Optional<StripeCustomerId> existing = account.customer();
        if (existing.isPresent()) {
            return existing.get();
        }
        StripeCustomerId created = stripe.createCustomer(workspace, email);
        account.linkCustomer(created, clock.instant());
        return created;
    }
}
