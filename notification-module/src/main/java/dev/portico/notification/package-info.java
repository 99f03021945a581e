/** Notification module: billing emails through a persistent outbox, dunning, opt-out and the email log. */
package dev.portico.notification;
