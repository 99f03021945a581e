package dev.portico.web.identity;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.web.error.ApiError;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The verified caller of a request: user, email, the workspace the token acts for, and roles. */
public record Caller(String userId, Optional<String> email, Optional<WorkspaceId> workspace, Set<String> groups) {

    /** The role that may manage billing; any valid token may read. */
    public static final String BILLING_ADMIN = "billing-admin";

    public Caller {
        Objects.requireNonNull(userId);
        groups = Set.copyOf(groups);
    }

    public boolean isBillingAdmin() {
        return groups.contains(BILLING_ADMIN);
    }

    /** The workspace, or 403 {@code NO_WORKSPACE}. */
    public WorkspaceId requireWorkspace() {
        return workspace.orElseThrow(() -> new ApiError(403, "NO_WORKSPACE",
                "The token names no workspace (claim workspace_id)."));
    }

    /** The workspace of a billing admin, or 403 {@code NO_WORKSPACE} / {@code FORBIDDEN}. */
    public WorkspaceId requireBillingAdmin() {
        WorkspaceId id = requireWorkspace();
        if (!isBillingAdmin()) {
            throw new ApiError(403, "FORBIDDEN", "Only a billing admin (role " + BILLING_ADMIN + ") may do this.");
        }
        return id;
    }
}
