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
import java.util.UUID;
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
     * Takes the claim within the caller's transaction, to be released when it ends (its lease
     * ends now; the row lock keeps others out until the commit). False when another node holds it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean takeUntilCommit(String key) {
        return locked(key).take(node, clock.instant(), clock.instant());
    }

    /** Takes the claim for the lease, in a transaction of its own: it outlasts the transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean hold(String key) {
        return locked(key).take(node, clock.instant().plus(lease), clock.instant());
    }

    private ApplyClaim locked(String key) {
        ApplyClaim claim = em.find(ApplyClaim.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (claim == null) {
            try {
                self.create(key);
            } catch (RuntimeException raced) {
                // Another node created it first; the locked read below finds it.
            }
            claim = em.find(ApplyClaim.class, key, LockModeType.PESSIMISTIC_WRITE);
        }
        return claim;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String key) {
        em.persist(new ApplyClaim(key, clock.instant()));
    }

    public String node() {
        return node;
    }
}
