/** Billing's machinery: the Stripe gateway, return-URL policy, throttling and the account store. */
package dev.portico.billing.control;
