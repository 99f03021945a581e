package dev.portico.billing.api;

import java.time.Instant;

/**
 * The subscription ended; what was paid for runs until {@code paidUntil} (may be null).
 * {@code reason}, {@code feedback} and {@code comment} are Stripe's {@code cancellation_details};
 * {@code plan} the price given up (null when unknown); {@code startedAt} when the subscription was
 * created; {@code asOf} the time of the Stripe event that said so.
 */
public record SubscriptionCanceled(String stripeEventId, WorkspaceId workspace, String subscriptionId, Instant endedAt,
                                   Instant paidUntil, String reason, String feedback, String comment, PlanPrice plan,
                                   Instant startedAt, Instant asOf) implements BillingEvent {
}
