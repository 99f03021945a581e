/**
 * The connection factory behind Portico's datasource. Packaged apart from the WAR (the
 * {@code datasource} jar in EAR {@code lib/}): Payara loads it with the application's class loader
 * while deploying the modules' persistence units, before the WAR exists.
 */
package dev.portico.web.datasource;
