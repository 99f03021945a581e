/** The outbox, dunning sequences, contacts, email texts, SMTP and unsubscribe links. */
package dev.portico.notification.control;
