package dev.portico.workspace.entity;

import dev.portico.billing.api.BillingStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Workspace-module's stored copy of a workspace's billing state, written from billing's events. */
@Entity
@Table(name = "workspace_billing_standing")
public class BillingStanding {

    @Id
    @Column(name = "workspace_id", length = 64)
    private String workspaceId;

    @Column(name = "status", length = 32, nullable = false)
    private String status;

    @Column(name = "current_period_end")
    private Timestamp currentPeriodEnd;

    @Column(name = "status_since", nullable = false)
    private Timestamp statusSince;

    @Column(name = "as_of", nullable = false)
    private Timestamp asOf;

    @Column(name = "updated_at", nullable = false)
    private Timestamp updatedAt;

    @Column(name = "price_id")
    private String priceId;

    @Column(name = "entitlements", length = 4000)
    private String entitlements;

    @Column(name = "entitlements_as_of")
    private Timestamp entitlementsAsOf;

    /** The writing node's wall clock (not the injectable one): compared across nodes, see StandingsRefresh. */
    @Column(name = "changed_at")
    private Timestamp changedAt;

    protected BillingStanding() {
        // for JPA
    }

    public BillingStanding(String workspaceId) {
        this.workspaceId = Objects.requireNonNull(workspaceId);
    }

    /**
     * Takes billing's state as of {@code asOf}, unless this copy already reflects a later event
     * (billing serializes a customer's events, so that is a safety net, not a path). A new status
     * starts its own clock: grace periods run from it.
     */
    public void take(String newStatus, Instant periodEnd, String newPriceId, Instant asOf, Instant now) {
        if (this.asOf != null && this.asOf.toInstant().isAfter(asOf)) {
            return;
        }
        this.priceId = newPriceId;
        if (!newStatus.equals(status)) {
            this.statusSince = Timestamp.from(asOf);
        }
        this.status = newStatus;
        this.currentPeriodEnd = periodEnd == null ? null : Timestamp.from(periodEnd);
        this.asOf = Timestamp.from(asOf);
        this.updatedAt = Timestamp.from(now);
    }

    /**
     * A workspace billing has said nothing of yet, but Stripe Entitlements has: no subscription
     * as of the beginning of time, so that any state billing reports later takes over.
     */
    public static BillingStanding unsubscribed(String workspaceId, Instant now) {
        BillingStanding standing = new BillingStanding(workspaceId);
        standing.status = BillingStatus.NONE;
        standing.statusSince = Timestamp.from(Instant.EPOCH);
        standing.asOf = Timestamp.from(Instant.EPOCH);
        standing.updatedAt = Timestamp.from(now);
        return standing;
    }

    /** Takes the features Stripe Entitlements listed as of {@code asOf}, unless a later list was taken. */
    public void takeEntitlements(Set<String> features, Instant asOf, Instant now) {
        if (entitlementsAsOf != null && entitlementsAsOf.toInstant().isAfter(asOf)) {
            return;
        }
        this.entitlements = String.join(",", new TreeSet<>(features));
        this.entitlementsAsOf = Timestamp.from(asOf);
        this.updatedAt = Timestamp.from(now);
    }

    /** Marks the copy changed at {@code wallClock}, for the other nodes' caches. */
    public void changed(Instant wallClock) {
        this.changedAt = Timestamp.from(wallClock);
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String status() {
        return status;
    }

    public Instant currentPeriodEnd() {
        return currentPeriodEnd == null ? null : currentPeriodEnd.toInstant();
    }

    public Instant statusSince() {
        return statusSince.toInstant();
    }

    public Instant asOf() {
        return asOf.toInstant();
    }

    public String priceId() {
        return priceId;
    }

    /** The features Stripe Entitlements listed, or null when it never said (the plan's features apply). */
    public Set<String> entitlements() {
        return entitlements == null ? null
                : entitlements.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(entitlements.split(",")));
    }

    public Instant entitlementsAsOf() {
        return entitlementsAsOf == null ? null : entitlementsAsOf.toInstant();
    }
}
