package dev.portico.workspace.boundary;

import dev.portico.workspace.control.StandingStore;
import dev.portico.workspace.control.Standings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps this node's enforcement cache coherent with the others: every
 * {@code portico.enforcement.refresh-interval} it reads the copies of billing state changed since
 * its last round, less {@value #OVERLAP_SECONDS} s, and takes them for the workspaces it holds. So
 * a change applied on node A is enforced on node B within about one interval, through the
 * database all nodes share (no cluster messaging to configure or lose). The overlap covers a
 * change whose transaction commits after a later round began, and clocks of nodes up to that far
 * apart; re-reading a change costs nothing (the cache keeps the newer state). Rows carry the
 * writer's wall clock, not the injectable one, so tests that move time do not stop this.
 */
@ApplicationScoped
public class StandingsRefresh {

    private static final Logger LOG = Logger.getLogger(StandingsRefresh.class.getName());
    static final long OVERLAP_SECONDS = 10;
    private static final Clock WALL = Clock.systemUTC();

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    StandingStore store;

    @Inject
    Standings standings;

    @Inject
    @ConfigProperty(name = "portico.enforcement.refresh-interval")
    Duration interval;

    private ScheduledFuture<?> task;
    private Instant lastRound;

    public synchronized void start() {
        if (task == null) {
            lastRound = WALL.instant();
            task = scheduler.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void round() {
        Instant started = WALL.instant();
        try {
            var changed = store.changedSince(lastRound.minusSeconds(OVERLAP_SECONDS));
            if (changed.size() >= StandingStore.MAX_CHANGES) {
                standings.forgetAll(); // too many to take one by one: each is read again when needed
            } else {
                standings.refreshed(changed);
            }
            lastRound = started;
        } catch (RuntimeException e) {
            // lastRound stays: the next round reads from there, missing nothing.
            LOG.log(Level.WARNING, "Refreshing the enforcement cache failed; next round in " + interval, e);
        }
    }
}
