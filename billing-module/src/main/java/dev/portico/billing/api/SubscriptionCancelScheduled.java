package dev.portico.billing.api;

import java.time.Instant;

/** The subscription will end at {@code endsAt} (cancel at period end was set, e.g. in the portal). */
public record SubscriptionCancelScheduled(String stripeEventId, WorkspaceId workspace, String subscriptionId,
                                          Instant endsAt, String reason, String feedback) implements BillingEvent {
}
