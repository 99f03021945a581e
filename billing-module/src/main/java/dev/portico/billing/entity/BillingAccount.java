package dev.portico.billing.entity;

import dev.portico.billing.api.BillingStatus;
import dev.portico.billing.api.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A workspace's side of billing: its Stripe customer and what Stripe last told us of its subscription. */
@Entity
@Table(name = "billing_account")
public class BillingAccount {

    @Id
    @Column(name = "workspace_id", length = 64)
    private String workspaceId;

    @Column(name = "stripe_customer_id", unique = true)
    private String stripeCustomerId;

    @Column(name = "subscription_id")
    private String subscriptionId;

    @Column(name = "subscription_status", length = 32)
    private String subscriptionStatus;

    @Column(name = "plan")
    private String plan;

    @Column(name = "current_period_end")
    private Instant currentPeriodEnd;

    @Column(name = "cancel_at_period_end", nullable = false)
    private boolean cancelAtPeriodEnd;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected BillingAccount() {
        // for JPA
    }

    public BillingAccount(WorkspaceId workspace, Instant now) {
        this.workspaceId = Objects.requireNonNull(workspace, "Workspace is required.").value();
        this.createdAt = Objects.requireNonNull(now);
        this.updatedAt = now;
    }

    public WorkspaceId workspace() {
        return new WorkspaceId(workspaceId);
    }

    public Optional<StripeCustomerId> customer() {
        return Optional.ofNullable(stripeCustomerId).map(StripeCustomerId::new);
    }

    public Optional<String> subscriptionId() {
        return Optional.ofNullable(subscriptionId);
    }

    /** Links the workspace to its Stripe customer; a workspace never changes customer. */
    public void linkCustomer(StripeCustomerId customer, Instant now) {
        Objects.requireNonNull(customer, "Customer is required.");
        if (stripeCustomerId != null && !stripeCustomerId.equals(customer.value())) {
            throw new IllegalStateException("Workspace " + workspaceId + " already has a Stripe customer.");
        }
        this.stripeCustomerId = customer.value();
        this.updatedAt = now;
    }

    public BillingStatus status() {
        if (subscriptionStatus == null) {
            return BillingStatus.none(workspace());
        }
        return new BillingStatus(workspace(), subscriptionStatus, plan, currentPeriodEnd, cancelAtPeriodEnd);
    }
}
