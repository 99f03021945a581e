/**
 * Notifications: emails to a workspace's billing contact, driven by billing's events.
 * Its api, boundary, control and entity packages arrive with the notifications capability.
 */
package dev.portico.notification;
