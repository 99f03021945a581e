package dev.portico.workspace.control;

import dev.portico.billing.api.BillingStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Workspace-module's copy of a workspace's billing state, as far as access depends on it.
 *
 * @param status Stripe's subscription status, or {@code none}
 * @param statusSince Stripe's time of the first event that reported this status (grace runs from it)
 * @param asOf Stripe's time of the newest event this copy reflects; null for {@link #NONE}
 * @param priceId the subscription's price, whose plan's features apply; null without one
 * @param entitlements the features Stripe Entitlements lists; null when it never said (then the plan's apply)
 * @param entitlementsAsOf Stripe's time of the event that listed them
 */
public record Standing(String status, Instant currentPeriodEnd, Instant statusSince, Instant asOf, String priceId,
                       Set<String> entitlements, Instant entitlementsAsOf) {

    public static final Standing NONE = new Standing(BillingStatus.NONE, null, null, null, null, null, null);

    /** A copy of the billing state alone: no price, and no word from Stripe Entitlements. */
    public Standing(String status, Instant currentPeriodEnd, Instant statusSince, Instant asOf) {
        this(status, currentPeriodEnd, statusSince, asOf, null, null, null);
    }

    /** Whether this copy reflects earlier events than {@code other} (the cache keeps the newest). */
    boolean olderThan(Standing other) {
        return before(asOf, other.asOf) || (Objects.equals(asOf, other.asOf) && before(entitlementsAsOf, other.entitlementsAsOf));
    }

    private static boolean before(Instant mine, Instant theirs) {
        return theirs != null && (mine == null || mine.isBefore(theirs));
    }
}
