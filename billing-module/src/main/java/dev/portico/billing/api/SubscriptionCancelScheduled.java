package dev.portico.billing.api;

import java.time.Instant;

/**
 * The subscription will end at {@code endsAt} (cancel at period end was set, e.g. in the portal).
 * {@code reason}, {@code feedback} and {@code comment} are Stripe's {@code cancellation_details};
 * {@code plan} the price given up (null when unknown); {@code startedAt} when the subscription was
 * created; {@code asOf} the time of the Stripe event that said so.
 */
public record SubscriptionCancelScheduled(String stripeEventId, WorkspaceId workspace, String subscriptionId,
                                          Instant endsAt, String reason, String feedback, String comment, PlanPrice plan,
                                          Instant startedAt, Instant asOf) implements BillingEvent {
}
