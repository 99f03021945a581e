package dev.portico.billing.control;

import dev.portico.billing.entity.ApplyClaim;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-customer claims in the database: a node applies a customer's events only while it holds
 * the customer's claim, so the customer's events are applied one at a time across all nodes.
 * Taking a claim row-locks it until the transaction ends; a claim {@link #hold held} across
 * transactions (while Stripe is asked for a tie-break) lasts {@code portico.applier.lease}, after
 * which another node may take it over: a node that died holding it delays its customer by no more.
 */
@ApplicationScoped
@Transactional
public class Claims {

    /** This node, as claims name it: the instance name (clusters) and a random part (restarts). */
    private final String node = System.getProperty("com.sun.aas.instanceName", "node") + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    Claims self;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portico.applier.lease")
    Duration lease;

    /**
     * Takes the claims of {@code keys} within the caller's transaction, row-locked until it ends;
     * returns those granted: the others are held by another node's lease.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> takeUntilCommit(Collection<String> keys) {
        Instant now = clock.instant();
        return lockedCreating(keys).stream().filter(claim -> claim.takeUntilCommit(node, now)).map(ApplyClaim::key)
                .collect(Collectors.toSet());
    }

    /**
     * The claims of {@code keys}, row-locked, those never taken before created first. Locked one
     * by one by primary key, in key order: every applier transaction takes its claims first and
     * in the same order, so two never wait on each other in a cycle. One query for all of them
     * (an IN list) scanned the small claim table on Derby, locking rows of other keys on its way,
     * and two workers deadlocked until Derby's deadlock timeout (20 s) picked a victim.
     */
    private List<ApplyClaim> lockedCreating(Collection<String> keys) {
        return keys.stream().sorted().distinct().map(this::lockedCreating).toList();
    }

    private ApplyClaim lockedCreating(String key) {
        ApplyClaim claim = em.find(ApplyClaim.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (claim == null) {
            createQuietly(key);
            claim = em.find(ApplyClaim.class, key, LockModeType.PESSIMISTIC_WRITE);
        }
        return claim;
    }

    private void createQuietly(String key) {
        try {
            self.create(key);
        } catch (RuntimeException raced) {
            // Another node created it first; the locked read finds it.
        }
    }

    /** Takes the claim for the lease, in a transaction of its own: it outlasts the transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean hold(String key) {
        return hold(key, lease);
    }

    /** Takes (or renews) the claim for {@code duration}, in a transaction of its own; false when another node holds it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean hold(String key, Duration duration) {
        return lockedCreating(key).take(node, clock.instant().plus(duration), clock.instant());
    }

    /** Lets go of a claim this node holds, so that another node need not wait for its lease to end. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String key) {
        ApplyClaim claim = em.find(ApplyClaim.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (claim != null) {
            claim.takeUntilCommit(node, clock.instant());
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String key) {
        em.persist(new ApplyClaim(key, clock.instant()));
    }

    public String node() {
        return node;
    }
}
