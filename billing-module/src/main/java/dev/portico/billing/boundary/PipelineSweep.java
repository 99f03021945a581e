package dev.portico.billing.boundary;

import dev.portico.billing.control.Applier;
import dev.portico.billing.control.Inbox;
import dev.portico.billing.control.Listeners;
import dev.portico.billing.control.PublicationDelivery;
import dev.portico.billing.control.Publications;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The safety net of the pipeline, every {@code portico.webhook.retry-interval}, on every node:
 * hands the applier the stored events nobody is applying (stored more than
 * {@code portico.applier.sweep-after} ago, or all of them at start: after a crash or restart) and
 * failed events whose retry is due, and delivers publications nobody delivered (a node died
 * after its commit) or whose retry is due. Running it on N nodes is safe: the applier's claims and
 * row locks and the publications' row locks make every effect happen once. Started by the
 * application once the schema is in place.
 */
@ApplicationScoped
public class PipelineSweep {

    private static final Logger LOG = Logger.getLogger(PipelineSweep.class.getName());
    private static final int BATCH = 500;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    Inbox inbox;

    @Inject
    Applier applier;

    @Inject
    Publications publications;

    @Inject
    PublicationDelivery delivery;

    @Inject
    Listeners listeners;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portico.webhook.retry-interval")
    Duration interval;

    @Inject
    @ConfigProperty(name = "portico.applier.sweep-after")
    Duration sweepAfter;

    private ScheduledFuture<?> task;
    private volatile boolean started;

    public synchronized void start() {
        if (task == null) {
            LOG.info(() -> "Listeners of billing's events: " + listeners.names());
            task = scheduler.scheduleWithFixedDelay(this::sweep, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void sweep() {
        try {
            // The first round takes every stored event: nothing is in this node's queue yet.
            applier.offer(inbox.received(started ? clock.instant().minus(sweepAfter) : clock.instant(), BATCH));
            started = true;
            applier.offer(inbox.due(clock.instant(), BATCH));
            delivery.deliver(publications.due(BATCH));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The pipeline's sweep failed; next round in " + interval, e);
        }
    }
}
