package dev.portico.workspace.control;

import dev.portico.billing.api.BillingStateChanged;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.workspace.entity.BillingStanding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Reads and writes workspace-module's copy of billing state. */
@ApplicationScoped
public class StandingStore {

    @PersistenceContext(unitName = "workspace")
    EntityManager em;

    @Inject
    Clock clock;

    /** The stored copy, or {@link Standing#NONE} for a workspace billing has said nothing of. */
    @Transactional
    public Standing load(WorkspaceId workspace) {
        BillingStanding stored = em.find(BillingStanding.class, workspace.value());
        return stored == null ? Standing.NONE : standing(stored);
    }

    /** Writes the change in the caller's transaction (the listener's, which completes the publication). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Standing save(BillingStateChanged change) {
        String id = change.workspace().value();
        BillingStanding stored = em.find(BillingStanding.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (stored == null) {
            stored = new BillingStanding(id);
            em.persist(stored);
        }
        stored.take(change.status().status(), change.status().currentPeriodEnd(), change.asOf(), clock.instant());
        return standing(stored);
    }

    private static Standing standing(BillingStanding stored) {
        return new Standing(stored.status(), stored.currentPeriodEnd(), stored.statusSince(), stored.asOf());
    }
}
