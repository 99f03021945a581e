/**
 * Billing's published surface: the ids, DTOs and the domain events other modules observe (versioned:
 * {@link dev.portico.billing.api.ApiVersion}).
 * Nothing here depends on Stripe or JPA, so observers never reach into billing internals.
 */
package dev.portico.billing.api;
