package dev.portico.billing.api;

import java.time.Instant;

/** Stripe announced the trial ends soon ({@code customer.subscription.trial_will_end}). */
public record TrialEnding(String stripeEventId, WorkspaceId workspace, String subscriptionId, Instant trialEnd)
        implements BillingEvent {
}
