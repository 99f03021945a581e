/** Billing's own tables (prefixed {@code billing_}). */
package dev.portico.billing.entity;
