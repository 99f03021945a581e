package dev.portico.web.identity;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.web.error.ApiError;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The verified caller of a request: user, email, the workspace the token acts for, and roles. */
public record Caller(String userId, Optional<String> email, Optional<WorkspaceId> workspace, Set<String> groups) {

    public Caller {
        Objects.requireNonNull(userId);
        groups = Set.copyOf(groups);
    }

    public boolean isBillingAdmin() {
        return groups.contains(Roles.BILLING_ADMIN);
    }

    /** The workspace, or 403 {@code NO_WORKSPACE}. */
    public WorkspaceId requireWorkspace() {
        return workspace.orElseThrow(() -> new ApiError(403, "NO_WORKSPACE",
                "The token names no workspace (claim workspace_id)."));
    }
}
