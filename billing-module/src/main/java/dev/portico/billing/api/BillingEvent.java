package dev.portico.billing.api;

/**
 * A fact billing publishes after applying a Stripe event. Every CDI observer of its type, in any
 * module, is a listener: billing records the fact for each listener with the change that caused
 * it, and delivers it after the commit, in a transaction of the listener's own that also records
 * its completion, so the listener's effect happens once; a failing listener is retried with
 * backoff and undoes nothing of billing's or of another listener's. Delivery is at least once
 * for anything outside the listener's transaction (an email sent, a remote call): use
 * {@link #stripeEventId()}, the Stripe event that caused it, as the idempotency key there.
 */
public sealed interface BillingEvent permits BillingStateChanged, SubscriptionActivated, SubscriptionCancelScheduled,
        SubscriptionCanceled, SubscriptionResumed, SubscriptionPaused, TrialEnding, PaymentFailed, PaymentRecovered,
        PaymentActionRequired, PaymentMethodUpdated, BillingContactChanged, PlanChanged, EntitlementsChanged {

    String stripeEventId();

    WorkspaceId workspace();
}
