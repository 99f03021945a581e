package dev.portico.billing.control;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.BillingAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Finds and stores billing accounts. */
@ApplicationScoped
public class BillingAccountRepository {

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    public Optional<BillingAccount> find(WorkspaceId workspace) {
        return Optional.ofNullable(em.find(BillingAccount.class, workspace.value()));
    }

    /**
     * Finds the account and row-locks it until the current transaction ends. The lock is taken
     * with a no-op UPDATE by primary key rather than SELECT ... FOR UPDATE: Derby will not use an
     * index for an updatable cursor over all columns and would scan (and lock) the whole table,
     * serializing every workspace behind one another.
     */
    public Optional<BillingAccount> findForUpdate(WorkspaceId workspace) {
        int locked = em.createNativeQuery("UPDATE billing_account SET updated_at = updated_at WHERE workspace_id = ?")
                .setParameter(1, workspace.value())
                .executeUpdate();
        return locked == 0 ? Optional.empty() : Optional.ofNullable(em.find(BillingAccount.class, workspace.value()));
    }

    /** The workspace whose Stripe customer this is; a link never changes once made, so no lock is needed. */
    public Optional<WorkspaceId> workspaceOf(String customerId) {
        return em.createQuery("SELECT a.workspaceId FROM BillingAccount a WHERE a.stripeCustomerId = :customer", String.class)
                .setParameter("customer", customerId)
                .getResultStream().findFirst().map(WorkspaceId::new);
    }

    public void store(BillingAccount account) {
        em.persist(account);
        em.flush();
    }
}
