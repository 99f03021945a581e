package dev.portico.billing.control;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.BillingAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Creates a workspace's billing account row if it does not exist yet, in its own transaction so
 * that a concurrent creator losing the primary-key race does not spoil the caller's transaction.
 */
@ApplicationScoped
public class AccountOpener {

    @Inject
    BillingAccountRepository accounts;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insertIfMissing(WorkspaceId workspace) {
        if (accounts.find(workspace).isEmpty()) {
            accounts.store(new BillingAccount(workspace, clock.instant()));
        }
    }
}
