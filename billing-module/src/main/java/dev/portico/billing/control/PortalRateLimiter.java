package dev.portico.billing.control;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-workspace sliding-window throttle on portal sessions ({@code portico.portal.rate-limit} per
 * {@code portico.portal.rate-limit-window}). It counts per server node: with N nodes a workspace
 * gets at most N times the limit, which is still a cap on runaway clients.
 */
@ApplicationScoped
public class PortalRateLimiter {

    private final Map<WorkspaceId, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration window;
    private final Clock clock;

    @Inject
    public PortalRateLimiter(@ConfigProperty(name = "portico.portal.rate-limit") int limit,
                             @ConfigProperty(name = "portico.portal.rate-limit-window") Duration window,
                             Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    PortalRateLimiter() {
        // for CDI proxies
        this(0, Duration.ZERO, null);
    }

    /** Takes one slot for the workspace, or throws {@code RATE_LIMITED} with the wait. */
    public void acquire(WorkspaceId workspace) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(workspace, w -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                Duration wait = Duration.between(now, times.peekFirst().plus(window));
                throw new BillingFailure(Reason.RATE_LIMITED,
                        "Too many portal sessions for this workspace; try again shortly.", wait);
            }
            times.addLast(now);
        }
    }
}
