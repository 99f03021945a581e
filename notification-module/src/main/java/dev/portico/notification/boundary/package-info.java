/** What the web layer and the application start-up call: the log, preferences, unsubscribing, the sender. */
package dev.portico.notification.boundary;
