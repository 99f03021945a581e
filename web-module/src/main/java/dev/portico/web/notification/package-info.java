/** The notifications API: email log, preferences, one-click unsubscribe. */
package dev.portico.web.notification;
