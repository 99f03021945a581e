package dev.portico.billing.api;

import java.time.Instant;

/**
 * What billing knows of a workspace's subscription.
 *
 * @param status Stripe's subscription status, or {@code none} before any subscription exists
 * @param plan the Stripe price id of the subscription's first item, or null
 */
public record BillingStatus(WorkspaceId workspace, String status, String plan, Instant currentPeriodEnd,
                            boolean cancelAtPeriodEnd) {

    public static final String NONE = "none";

    public static BillingStatus none(WorkspaceId workspace) {
        return new BillingStatus(workspace, NONE, null, null, false);
    }
}
