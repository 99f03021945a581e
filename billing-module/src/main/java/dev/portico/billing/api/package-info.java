/**
 * Billing's published surface: the ids, DTOs and (later) event records that other modules may use.
 * Nothing here depends on Stripe or JPA, so observers never reach into billing internals.
 */
package dev.portico.billing.api;
