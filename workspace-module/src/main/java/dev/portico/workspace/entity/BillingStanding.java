package dev.portico.workspace.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;

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
    public void take(String newStatus, Instant periodEnd, Instant asOf, Instant now) {
        if (this.asOf != null && this.asOf.toInstant().isAfter(asOf)) {
            return;
        }
        if (!newStatus.equals(status)) {
            this.statusSince = Timestamp.from(asOf);
        }
        this.status = newStatus;
        this.currentPeriodEnd = periodEnd == null ? null : Timestamp.from(periodEnd);
        this.asOf = Timestamp.from(asOf);
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
}
