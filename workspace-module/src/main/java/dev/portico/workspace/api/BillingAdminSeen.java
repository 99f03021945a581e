package dev.portico.workspace.api;

import dev.portico.billing.api.WorkspaceId;

/**
 * A token showed a new (or changed) billing admin email for the workspace. Fired in the
 * transaction that records it; notification-module writes to this address when Stripe knows none.
 */
public record BillingAdminSeen(WorkspaceId workspace, String email) {
}
