package dev.portico.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * Which node may apply a customer's events, and until when: the applier's serialization across
 * nodes. Rows stay (one per customer); a claim is taken by moving its owner and lease. A claim
 * nobody holds ({@value #NOBODY}) is free whatever the taker's clock says: its time only records
 * when it was last let go (retention purges by it). Comparing times there refused a new
 * customer's claim to the very transaction that made it (it read the clock first), and would
 * refuse a released claim to a node whose clock is a few milliseconds behind.
 */
@Entity
@Table(name = "billing_apply_claim")
public class ApplyClaim {

    private static final String NOBODY = "-";

    @Id
    @Column(name = "claim_key")
    private String key;

    @Column(name = "owner", length = 64, nullable = false)
    private String owner;

    @Column(name = "lease_until", nullable = false)
    private Instant leaseUntil;

    protected ApplyClaim() {
        // for JPA
    }

    /** A claim nobody holds, made {@code now}. */
    public ApplyClaim(String key, Instant now) {
        this.key = Objects.requireNonNull(key);
        this.owner = NOBODY;
        this.leaseUntil = now;
    }

    /**
     * Takes the claim for {@code node} until {@code until}, if it is free or already {@code node}'s.
     * A lease only matters across transactions: within one, the row lock keeps every other node out.
     */
    public boolean take(String node, Instant until, Instant now) {
        if (!isFreeFor(node, now)) {
            return false;
        }
        owner = node;
        leaseUntil = until;
        return true;
    }

    /**
     * Takes the claim for the rest of the caller's transaction (the row lock does the holding):
     * nothing is written unless {@code node} held a lease, which ends now: nobody holds it after.
     */
    public boolean takeUntilCommit(String node, Instant now) {
        if (!isFreeFor(node, now)) {
            return false;
        }
        if (owner.equals(node)) {
            owner = NOBODY;
            leaseUntil = now;
        }
        return true;
    }

    private boolean isFreeFor(String node, Instant now) {
        return owner.equals(NOBODY) || owner.equals(node) || !leaseUntil.isAfter(now);
    }

    public String key() {
        return key;
    }

    public String owner() {
        return owner;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }
}
