/** Notification's own tables (prefixed {@code notification_}). */
package dev.portico.notification.entity;
