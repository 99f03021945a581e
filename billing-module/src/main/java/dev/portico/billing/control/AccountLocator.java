package dev.portico.billing.control;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.BillingAccount;
import dev.portico.billing.entity.StripeCustomerId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the workspace a Stripe object belongs to, row-locked: work for one customer is serialized
 * (on every node, by the database), work for different workspaces runs in parallel. A customer
 * Portico did not create is linked when the object names the workspace (checkout's
 * {@code client_reference_id}, or metadata {@code workspace_id}).
 */
@ApplicationScoped
public class AccountLocator {

    static final String METADATA_WORKSPACE = "workspace_id";
    private static final Object HELD = AccountLocator.class;

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    AccountOpener opener;

    @Inject
    BillingAccountRepository accounts;

    @Inject
    LinkedCustomers linked;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /**
     * The account of this customer, locked. Looked up once per transaction: the applier applies
     * many events of one customer in one transaction, and a query would also flush every change
     * made so far instead of writing them all at the commit.
     */
    public Optional<BillingAccount> byCustomer(String customerId) {
        Optional<BillingAccount> known = held().get(customerId);
        if (known != null) {
            return known;
        }
        Optional<BillingAccount> found = em.createNamedQuery(BillingAccount.BY_CUSTOMER_LOCKED, BillingAccount.class)
                .setParameter("customer", customerId)
                .getResultStream().findFirst();
        held().put(customerId, found);
        return found;
    }

    /**
     * Finds and locks the accounts of these customers, for the rest of the transaction: the
     * applier's batch then reads and flushes nothing until its commit. One by one, in customer
     * order, like the claims ({@link Claims}), so that two batches never wait on each other in a
     * cycle. A customer without an account is remembered as such (until {@link #link} gives it one).
     */
    public void prefetch(Collection<String> customerIds) {
        customerIds.stream().sorted().distinct().forEach(this::byCustomer);
    }

    /** The accounts found (locked) in the current transaction, or their absence, by customer id. */
    @SuppressWarnings("unchecked")
    private Map<String, Optional<BillingAccount>> held() {
        Map<String, Optional<BillingAccount>> held = (Map<String, Optional<BillingAccount>>) transaction.getResource(HELD);
        if (held == null) {
            held = new HashMap<>();
            transaction.putResource(HELD, held);
        }
        return held;
    }

    /** The account of this customer, or of the workspace the metadata names (then linked to the customer). */
    public Optional<BillingAccount> byCustomerOrMetadata(String customerId, Map<String, String> metadata) {
        Optional<BillingAccount> known = customerId == null ? Optional.empty() : byCustomer(customerId);
        if (known.isPresent() || metadata == null) {
            return known;
        }
        String workspace = metadata.get(METADATA_WORKSPACE);
        return WorkspaceId.isValid(workspace) ? link(new WorkspaceId(workspace), customerId) : Optional.empty();
    }

    /**
     * Links the workspace to the customer and returns its locked account; empty when the
     * workspace already has another customer (one workspace, one customer) or the id is malformed.
     */
    public Optional<BillingAccount> link(WorkspaceId workspace, String customerId) {
        if (!StripeCustomerId.isValid(customerId)) {
            return Optional.empty();
        }
        try {
            opener.insertIfMissing(workspace);
        } catch (RuntimeException raced) {
            // Another request created it first; the locked read finds it.
        }
        BillingAccount account = accounts.findForUpdate(workspace).orElseThrow();
        StripeCustomerId customer = new StripeCustomerId(customerId);
        if (account.customer().filter(held -> !held.equals(customer)).isPresent()) {
            return Optional.empty();
        }
        if (account.customer().isEmpty()) {
            account.linkCustomer(customer, clock.instant());
            linked.add(customerId);
        }
        held().put(customerId, Optional.of(account));
        return Optional.of(account);
    }
}
