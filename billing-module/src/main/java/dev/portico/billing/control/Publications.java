package dev.portico.billing.control;

import dev.portico.billing.api.BillingEvent;
import dev.portico.billing.entity.Publication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The publication registry: billing's domain events, one row per event and listener, written in
 * the transaction of the change that caused them and completed in each listener's own transaction.
 * A listener's failure rolls back only its own work; the row records the attempt and when to try
 * again ({@code portico.publications.retry-backoff}, doubling up to an hour).
 */
@ApplicationScoped
@Transactional
public class Publications {

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    Listeners listeners;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portico.publications.retry-backoff")
    Duration backoff;

    /** How long the node that records a publication has to deliver it before the sweep may. */
    @Inject
    @ConfigProperty(name = "portico.publications.sweep-after")
    Duration sweepAfter;

    /** A publication to deliver: its row's id and its listener's name. */
    public record Due(String id, String listener) {
    }

    /** Records {@code fact} for each of its listeners in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Due> record(BillingEvent fact) {
        Instant now = clock.instant();
        List<Due> recorded = new ArrayList<>();
        for (String listener : listeners.of(fact).keySet()) {
            Publication row = new Publication(listener, FactCodec.type(fact), FactCodec.write(fact), fact.stripeEventId(),
                    fact.workspace().value(), now, now.plus(sweepAfter));
            em.persist(row);
            recorded.add(new Due(row.id(), listener));
        }
        return recorded;
    }

    /**
     * Runs the listener of each publication, in the order given, and completes it, all in one new
     * transaction: every listener call and completion happens, or none. The rows are locked first,
     * one by one in id order (see {@link Claims} for why), so a publication completed meanwhile
     * (on this node or another) is skipped. The caller gives one listener's publications at a
     * time: one listener's failure must never undo another's work.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deliver(List<String> ids) {
        Map<String, Publication> locked = new HashMap<>();
        ids.stream().sorted().distinct()
                .forEach(id -> locked.put(id, em.find(Publication.class, id, LockModeType.PESSIMISTIC_WRITE)));
        for (String id : new LinkedHashSet<>(ids)) {
            Publication row = locked.get(id);
            if (row == null || row.isCompleted()) {
                continue;
            }
            ObserverMethod<BillingEvent> listener = listeners.named(row.listener())
                    .orElseThrow(() -> new IllegalStateException("No listener " + row.listener() + " is deployed."));
            listener.notify(FactCodec.read(row.eventType(), row.payload()));
            row.complete(clock.instant());
        }
    }

    /** Records a failed delivery in a transaction of its own (the listener's was rolled back). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String id, String why) {
        Publication row = em.find(Publication.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row != null && !row.isCompleted()) {
            row.fail(why, Backoff.after(backoff, row.attempts() + 1), clock.instant());
        }
    }

    /** Incomplete publications whose (next) delivery is due, oldest first. */
    public List<Due> due(int limit) {
        return em.createQuery("SELECT p.id, p.listener FROM Publication p WHERE p.nextAttemptAt <= :now"
                        + " ORDER BY p.nextAttemptAt", Object[].class)
                .setParameter("now", clock.instant())
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> new Due((String) row[0], (String) row[1]))
                .toList();
    }

    /** Incomplete publications, oldest first, for operators. */
    public List<Publication> incomplete(int limit) {
        return em.createQuery("SELECT p FROM Publication p WHERE p.nextAttemptAt IS NOT NULL ORDER BY p.createdAt",
                        Publication.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many publications a Stripe event caused, and how many of those are incomplete. */
    public record Counts(long total, long incomplete) {
    }

    public Counts countFor(String stripeEventId) {
        Object[] counts = em.createQuery("SELECT COUNT(p), SUM(CASE WHEN p.nextAttemptAt IS NULL THEN 0 ELSE 1 END)"
                        + " FROM Publication p WHERE p.stripeEventId = :event", Object[].class)
                .setParameter("event", stripeEventId)
                .getSingleResult();
        return new Counts(((Number) counts[0]).longValue(), counts[1] == null ? 0 : ((Number) counts[1]).longValue());
    }

    /** Publications not completed yet; counted on the due index alone (no row is read). */
    public long countIncomplete() {
        return em.createQuery("SELECT COUNT(p.nextAttemptAt) FROM Publication p WHERE p.nextAttemptAt IS NOT NULL", Long.class)
                .getSingleResult();
    }

}
