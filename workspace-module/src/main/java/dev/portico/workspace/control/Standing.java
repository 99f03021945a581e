package dev.portico.workspace.control;

import dev.portico.billing.api.BillingStatus;
import java.time.Instant;

/**
 * Workspace-module's copy of a workspace's billing state, as far as access depends on it.
 *
 * @param status Stripe's subscription status, or {@code none}
 * @param statusSince Stripe's time of the first event that reported this status (grace runs from it)
 * @param asOf Stripe's time of the newest event this copy reflects; null for {@link #NONE}
 */
public record Standing(String status, Instant currentPeriodEnd, Instant statusSince, Instant asOf) {

    public static final Standing NONE = new Standing(BillingStatus.NONE, null, null, null);

    /** Whether this copy reflects an earlier event than {@code other} (the cache keeps the newest). */
    boolean olderThan(Standing other) {
        return other.asOf != null && (asOf == null || asOf.isBefore(other.asOf));
    }
}
