package dev.portico.billing.control;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.PortalThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-workspace sliding-window throttle on portal sessions, syncs and event retries together
 * ({@code portico.portal.rate-limit}, 1 to {@value PortalThrottle#MAX_LIMIT}, per
 * {@code portico.portal.rate-limit-window}), counted in the database every node shares: a cluster
 * allows a workspace the limit, not N times it.
 */
@ApplicationScoped
public class PortalRateLimiter {

    @Inject
    PortalThrottles throttles;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portico.portal.rate-limit")
    int limit;

    @Inject
    @ConfigProperty(name = "portico.portal.rate-limit-window")
    Duration window;

    /** A limit the throttle rows cannot hold, or a window that is no window, stops the deployment. */
    void checkAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (limit < 1 || limit > PortalThrottle.MAX_LIMIT || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("portico.portal.rate-limit must be 1 to " + PortalThrottle.MAX_LIMIT
                    + " and portico.portal.rate-limit-window positive.");
        }
    }

    /** Takes one slot for the workspace, or throws {@code RATE_LIMITED} with the wait. */
    public void acquire(WorkspaceId workspace) {
        Optional<Duration> wait;
        try {
            wait = throttles.take(workspace, clock.instant(), limit, window);
        } catch (PortalThrottles.Race race) {
            wait = throttles.take(workspace, clock.instant(), limit, window);
        }
        if (wait.isPresent()) {
            throw new BillingFailure(Reason.RATE_LIMITED, "Too many portal sessions, syncs or retries for this workspace;"
                    + " try again shortly.", wait.get());
        }
    }
}
