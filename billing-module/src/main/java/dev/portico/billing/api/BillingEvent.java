package dev.portico.billing.api;

/**
 * A fact billing publishes as a CDI event after applying a Stripe event. Observers run in the
 * applying transaction ({@code TransactionPhase.IN_PROGRESS}, e.g. to write an outbox row with the
 * change) or after it commits ({@code AFTER_SUCCESS}); observers must be safe to run twice.
 * {@link #stripeEventId()} names the Stripe event that caused it, a natural idempotency key.
 */
public sealed interface BillingEvent permits BillingStateChanged, SubscriptionActivated, SubscriptionCancelScheduled,
        SubscriptionCanceled, SubscriptionResumed, SubscriptionPaused, TrialEnding, PaymentFailed, PaymentRecovered,
        PaymentActionRequired, PaymentMethodUpdated, BillingContactChanged {

    String stripeEventId();

    WorkspaceId workspace();
}
