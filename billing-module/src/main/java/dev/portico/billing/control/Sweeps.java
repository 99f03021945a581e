package dev.portico.billing.control;

import dev.portico.billing.api.WorkspaceId;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The reconcile sweeps' rows and the queries a sweep plans with; each change in a short transaction of its own. */
@ApplicationScoped
@Transactional
public class Sweeps {

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    Clock clock;

    public ReconcileSweep begin(String node, Instant listedFrom) {
        ReconcileSweep sweep = new ReconcileSweep(UUID.randomUUID().toString(), node, clock.instant(), listedFrom);
        em.persist(sweep);
        return sweep;
    }

    /** The sweep left running by a node that stopped, if any (newest first). */
    public Optional<ReconcileSweep> running() {
        return em.createQuery("SELECT s FROM ReconcileSweep s WHERE s.status = :running ORDER BY s.startedAt DESC",
                        ReconcileSweep.class)
                .setParameter("running", ReconcileSweep.Status.RUNNING)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** When the newest sweep, of any outcome, started. */
    public Optional<Instant> latestStart() {
        return Optional.ofNullable(em.createQuery("SELECT MAX(s.startedAt) FROM ReconcileSweep s", Instant.class)
                .getSingleResult());
    }

    /** When the newest completed sweep started: every event created before was listed by it (or held). */
    public Optional<Instant> lastCompletedStart() {
        return Optional.ofNullable(em.createQuery("SELECT MAX(s.startedAt) FROM ReconcileSweep s WHERE s.status = :done",
                Instant.class).setParameter("done", ReconcileSweep.Status.COMPLETED).getSingleResult());
    }

    /** Stripe's time of the newest event held, however it came. */
    public Optional<Instant> newestEvent() {
        return Optional.ofNullable(em.createQuery("SELECT MAX(e.stripeCreatedAt) FROM WebhookEvent e", Instant.class)
                .getSingleResult());
    }

    public ReconcileSweep change(String sweepId, Consumer<ReconcileSweep> change) {
        ReconcileSweep sweep = em.find(ReconcileSweep.class, sweepId, LockModeType.PESSIMISTIC_WRITE);
        change.accept(sweep);
        return sweep;
    }

    /** A workspace that could not be resynced: counted, and put at the back of the queue like a checked one. */
    public void failedToCheck(String sweepId, WorkspaceId workspace, String why) {
        Optional.ofNullable(em.find(BillingAccount.class, workspace.value(), LockModeType.PESSIMISTIC_WRITE))
                .ifPresent(account -> account.reconciled(clock.instant()));
        change(sweepId, sweep -> sweep.checked(0, Optional.of(workspace.value() + ": " + why)));
    }

    public long workspacesWithCustomer() {
        return em.createQuery("SELECT COUNT(a.workspaceId) FROM BillingAccount a WHERE a.stripeCustomerId IS NOT NULL",
                Long.class).getSingleResult();
    }

    /** Up to {@code limit} workspaces with a customer: those never checked first, then the longest unchecked. */
    public List<WorkspaceId> longestUnchecked(int limit) {
        List<String> found = new ArrayList<>(em.createQuery("SELECT a.workspaceId FROM BillingAccount a"
                        + " WHERE a.stripeCustomerId IS NOT NULL AND a.reconciledAt IS NULL ORDER BY a.createdAt", String.class)
                .setMaxResults(limit).getResultList());
        if (found.size() < limit) {
            found.addAll(em.createQuery("SELECT a.workspaceId FROM BillingAccount a"
                            + " WHERE a.stripeCustomerId IS NOT NULL AND a.reconciledAt IS NOT NULL ORDER BY a.reconciledAt",
                            String.class)
                    .setMaxResults(limit - found.size()).getResultList());
        }
        return found.stream().map(WorkspaceId::new).toList();
    }

    public List<ReconcileSweep> recent(int limit) {
        return em.createQuery("SELECT s FROM ReconcileSweep s ORDER BY s.startedAt DESC", ReconcileSweep.class)
                .setMaxResults(limit).getResultList();
    }

    public Optional<ReconcileSweep> find(String sweepId) {
        return Optional.ofNullable(em.find(ReconcileSweep.class, sweepId));
    }

    /** The drift a sweep repaired, oldest first. */
    public List<DriftRecord> driftOf(String sweepId, int limit) {
        return em.createQuery("SELECT d FROM DriftRecord d WHERE d.sweepId = :sweep ORDER BY d.foundAt, d.workspaceId, d.field",
                        DriftRecord.class)
                .setParameter("sweep", sweepId).setMaxResults(limit).getResultList();
    }
}
