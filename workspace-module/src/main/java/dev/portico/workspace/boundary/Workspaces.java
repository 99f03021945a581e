package dev.portico.workspace.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.workspace.control.EnforcementSettings;
import dev.portico.workspace.control.WorkspaceDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A workspace becomes known the first time a valid token names it. What this node has recorded
 * lately is remembered (at most {@code portico.enforcement.cache-max-workspaces}, each for
 * {@code portico.enforcement.cache-idle} since last seen), so a request writes to the database
 * only when something is new; a forgotten workspace is recorded again, which changes nothing.
 */
@ApplicationScoped
public class Workspaces {

    private static final Logger LOG = Logger.getLogger(Workspaces.class.getName());
    private static final String NO_ADMIN = "";

    private Cache<WorkspaceId, String> recorded;

    @Inject
    WorkspaceDirectory directory;

    @Inject
    EnforcementSettings settings;

    @PostConstruct
    void build() {
        recorded = Caffeine.newBuilder()
                .maximumSize(settings.cacheMaxWorkspaces())
                .expireAfterAccess(settings.cacheIdle())
                .executor(Runnable::run)
                .build();
    }

    public void recognize(WorkspaceId workspace, Optional<String> billingAdminEmail) {
        String admin = billingAdminEmail.orElse(NO_ADMIN);
        String known = recorded.getIfPresent(workspace);
        if (known != null && (admin.equals(NO_ADMIN) || admin.equals(known))) {
            return;
        }
        try {
            directory.record(workspace, billingAdminEmail);
            recorded.asMap().merge(workspace, admin, (before, now) -> now.isEmpty() ? before : now);
        } catch (RuntimeException raced) {
            // A parallel first request recorded it; the next request retries if anything is still new.
            LOG.log(Level.FINE, "Recording workspace {0} lost a race", workspace);
        }
    }
}
