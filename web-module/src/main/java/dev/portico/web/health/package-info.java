/**
 * MicroProfile Health checks, served by Payara at {@code /health/ready} and {@code /health/live}
 * (outside the API's context and security, as load balancers and orchestrators expect them).
 * Readiness: whether this node can do its work now (database, schema, settings): a node that is
 * not ready answers 503 there, so the load balancer sends traffic elsewhere and Stripe retries.
 * Liveness: whether the JVM can make progress at all; a database outage never makes a node "dead",
 * since restarting it would not bring the database back.
 */
package dev.portico.web.health;
