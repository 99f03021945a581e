package dev.portico.workspace.control;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.workspace.api.BillingAdminSeen;
import dev.portico.workspace.entity.KnownWorkspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Stores the workspaces seen in tokens. */
@ApplicationScoped
public class WorkspaceDirectory {

    @PersistenceContext(unitName = "workspace")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<BillingAdminSeen> adminSeen;

    /** Records the workspace (and its billing admin's email, when given) if not yet known as such. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(WorkspaceId workspace, Optional<String> billingAdminEmail) {
        KnownWorkspace known = em.find(KnownWorkspace.class, workspace.value());
        if (known == null) {
            known = new KnownWorkspace(workspace, clock.instant());
            em.persist(known);
        }
        if (billingAdminEmail.isPresent() && !billingAdminEmail.equals(known.billingAdminEmail())) {
            known.billingAdminSeen(billingAdminEmail.get());
            adminSeen.fire(new BillingAdminSeen(workspace, billingAdminEmail.get()));
        }
    }
}
