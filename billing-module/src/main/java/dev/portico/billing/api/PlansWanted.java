package dev.portico.billing.api;

/**
 * Asks billing, synchronously, to fire {@link PlansOffered} now, reading the plans from Stripe if
 * it holds none: for a module that needs them before the first read came (a node just started).
 * Throws {@link BillingFailure} ({@code STRIPE_UNAVAILABLE}) when they cannot be had.
 */
public record PlansWanted() {
}
