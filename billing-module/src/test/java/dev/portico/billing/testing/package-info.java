/**
 * Test support shared through this module's test jar: Stripe's example events, a builder that
 * edits them field by field (and fails when an edit finds nothing to change), and Stripe's
 * signing scheme. Used by billing's unit tests, the EAR tests and {@code bench/LoadBench.java}.
 */
package dev.portico.billing.testing;
