package dev.portico.billing.control;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.BillingAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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

    /** Finds the account and row-locks it until the current transaction ends. */
    public Optional<BillingAccount> findForUpdate(WorkspaceId workspace) {
        return Optional.ofNullable(em.find(BillingAccount.class, workspace.value(), LockModeType.PESSIMISTIC_WRITE));
    }

    public void store(BillingAccount account) {
        em.persist(account);
        em.flush();
    }
}
