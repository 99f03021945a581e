package dev.portico.billing.boundary;

import dev.portico.billing.control.EventProcessor;
import dev.portico.billing.control.WebhookInbox;
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
 * Retries failed events whose backoff has passed, every {@code portico.webhook.retry-interval}.
 * (No event can be stranded half-way: an event is stored and applied in one transaction, or
 * stored as failed.) Every node may run it: each event is applied under its row lock and only
 * while still pending. Started by the application once the schema is in place.
 */
@ApplicationScoped
public class WebhookRetrier {

    private static final Logger LOG = Logger.getLogger(WebhookRetrier.class.getName());
    private static final int BATCH = 100;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    WebhookInbox inbox;

    @Inject
    EventProcessor processor;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portico.webhook.retry-interval")
    Duration interval;

    private ScheduledFuture<?> task;

    public synchronized void start() {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::retryDue, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void retryDue() {
        try {
            inbox.due(clock.instant(), BATCH).forEach(processor::retry);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retrying Stripe events failed; next round in " + interval, e);
        }
    }
}
