package dev.portico.workspace.boundary;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.workspace.control.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A workspace becomes known the first time a valid token names it. What this node has already
 * recorded is remembered, so a request writes to the database only when something is new.
 */
@ApplicationScoped
public class Workspaces {

    private static final Logger LOG = Logger.getLogger(Workspaces.class.getName());
    private static final String NO_ADMIN = "";

    private final Map<WorkspaceId, String> recorded = new ConcurrentHashMap<>();

    @Inject
    WorkspaceDirectory directory;

    public void recognize(WorkspaceId workspace, Optional<String> billingAdminEmail) {
        String admin = billingAdminEmail.orElse(NO_ADMIN);
        String known = recorded.get(workspace);
        if (known != null && (admin.equals(NO_ADMIN) || admin.equals(known))) {
            return;
        }
        try {
            directory.record(workspace, billingAdminEmail);
            recorded.merge(workspace, admin, (before, now) -> now.isEmpty() ? before : now);
        } catch (RuntimeException raced) {
            // A parallel first request recorded it; the next request retries if anything is still new.
            LOG.log(Level.FINE, "Recording workspace {0} lost a race", workspace);
        }
    }
}
