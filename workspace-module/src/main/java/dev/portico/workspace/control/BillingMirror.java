package dev.portico.workspace.control;

import dev.portico.billing.api.BillingStateChanged;
import dev.portico.billing.api.EntitlementsChanged;
import dev.portico.billing.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Keeps workspace-module's copy of billing state in step with billing's events: a listener of
 * billing's publications, so the copy is written in a transaction of its own after billing's
 * commit (and completed with it), and the cache takes it once that transaction has committed.
 */
@ApplicationScoped
public class BillingMirror {

    @Inject
    StandingStore store;

    @Inject
    Standings standings;

    @Resource
    TransactionSynchronizationRegistry transaction;

    void onChange(@Observes BillingStateChanged change) {
        cacheOnCommit(change.workspace(), store.save(change));
    }

    void onEntitlements(@Observes EntitlementsChanged change) {
        cacheOnCommit(change.workspace(), store.save(change));
    }

    private void cacheOnCommit(WorkspaceId workspace, Standing saved) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to flush: the copy is already written
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    standings.committed(workspace, saved);
                }
            }
        });
    }
}
