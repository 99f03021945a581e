package dev.portico.billing.api;

import java.time.Instant;

/**
 * The workspace's plan changed, or a change was scheduled for later. {@code from} is the plan the
 * workspace had (or has until then), {@code to} the new one; the names are the products' names as
 * billing knew them (else the price ids). Upgrade or downgrade is decided by the monthly amount
 * (amount × quantity, per month).
 *
 * @param effectiveAt when the change takes or took effect: the event's time for an applied change,
 *                    the start of the schedule's next phase for a scheduled one (null if Stripe did not say)
 * @param asOf        the Stripe event's creation time
 */
public record PlanChanged(String stripeEventId, WorkspaceId workspace, String subscriptionId, Change change,
                          PlanPrice from, PlanPrice to, String fromName, String toName, Instant effectiveAt,
                          Instant asOf) implements BillingEvent {

    /** What kind of change. */
    public enum Change {
        /** Applied now, to a dearer plan. */
        UPGRADED,
        /** Applied now, to a cheaper plan (at once, or a scheduled downgrade taking effect). */
        DOWNGRADED,
        /** Applied now, at the same monthly amount, or one of the amounts unknown. */
        SWITCHED,
        /** Stripe will switch at {@code effectiveAt}: the portal keeps a downgrade until the period ends. */
        SCHEDULED
    }
}
