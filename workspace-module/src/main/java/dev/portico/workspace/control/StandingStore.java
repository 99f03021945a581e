package dev.portico.workspace.control;

import dev.portico.billing.api.BillingStateChanged;
import dev.portico.billing.api.EntitlementsChanged;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.workspace.entity.BillingStanding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reads and writes workspace-module's copy of billing state. */
@ApplicationScoped
public class StandingStore {

    @PersistenceContext(unitName = "workspace")
    EntityManager em;

    @Inject
    Clock clock;

    /** Real time for {@code changed_at}: compared across nodes, it must not move with a test's clock. */
    private static final Clock WALL = Clock.systemUTC();

    /** At most this many changed rows are read per refresh; beyond, the caller drops its whole cache. */
    public static final int MAX_CHANGES = 5_000;

    /** The stored copy, or {@link Standing#NONE} for a workspace billing has said nothing of. */
    @Transactional
    public Standing load(WorkspaceId workspace) {
        BillingStanding stored = em.find(BillingStanding.class, workspace.value());
        return stored == null ? Standing.NONE : standing(stored);
    }

    /** Writes the change in the caller's transaction (the listener's, which completes the publication). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Standing save(BillingStateChanged change) {
        return write(change.workspace().value(), BillingStanding::new, stored -> stored.take(change.status().status(),
                change.status().currentPeriodEnd(), change.status().plan(), change.asOf(), clock.instant()));
    }

    /** Writes the features Stripe Entitlements listed, in the caller's (the listener's) transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Standing save(EntitlementsChanged change) {
        return write(change.workspace().value(), id -> BillingStanding.unsubscribed(id, clock.instant()),
                stored -> stored.takeEntitlements(change.features(), change.asOf(), clock.instant()));
    }

    /** The workspace's row, locked (made by {@code fresh} when there is none), changed by {@code change}. */
    private Standing write(String id, Function<String, BillingStanding> fresh, Consumer<BillingStanding> change) {
        BillingStanding stored = em.find(BillingStanding.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (stored == null) {
            stored = fresh.apply(id);
            em.persist(stored);
        }
        change.accept(stored);
        stored.changed(WALL.instant());
        return standing(stored);
    }

    /** The copies changed after {@code since} (by the writers' wall clocks), at most {@value #MAX_CHANGES}. */
    @Transactional
    public Map<WorkspaceId, Standing> changedSince(Instant since) {
        Map<WorkspaceId, Standing> changed = new HashMap<>();
        em.createQuery("SELECT s FROM BillingStanding s WHERE s.changedAt > :since", BillingStanding.class)
                .setParameter("since", Timestamp.from(since))
                .setMaxResults(MAX_CHANGES)
                .getResultStream()
                .forEach(stored -> changed.put(new WorkspaceId(stored.workspaceId()), standing(stored)));
        return changed;
    }

    private static Standing standing(BillingStanding stored) {
        return new Standing(stored.status(), stored.currentPeriodEnd(), stored.statusSince(), stored.asOf(),
                stored.priceId(), stored.entitlements(), stored.entitlementsAsOf());
    }
}
