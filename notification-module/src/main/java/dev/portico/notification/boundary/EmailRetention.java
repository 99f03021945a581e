package dev.portico.notification.boundary;

import dev.portico.notification.control.EmailPurges;
import dev.portico.notification.control.NotificationMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long the email log is kept: emails the sender is done with (bodies and rows) and dunning
 * sequences that remind no more go {@code portico.retention.emails} after they began, purged
 * every {@code portico.retention.interval} on every node in batches of
 * {@code portico.retention.batch-size} (the same settings as billing's retention). Contacts and
 * opt-outs stay: they are preferences, not a log.
 */
@ApplicationScoped
public class EmailRetention {

    private static final Logger LOG = Logger.getLogger(EmailRetention.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    EmailPurges purges;

    @Inject
    NotificationMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portico.retention.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "portico.retention.interval", defaultValue = "PT1H")
    Duration interval;

    @Inject
    @ConfigProperty(name = "portico.retention.batch-size", defaultValue = "500")
    int batchSize;

    @Inject
    @ConfigProperty(name = "portico.retention.emails")
    Duration emails;

    private ScheduledFuture<?> task;

    /** Checked as the purge is scheduled (see billing's {@code Retention} for why not at {@code @Initialized}). */
    private void check() {
        if (emails.isNegative() || emails.isZero() || interval.isNegative() || interval.isZero()
                || batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("portico.retention.emails and portico.retention.interval must be positive,"
                    + " and portico.retention.batch-size 1 to 10000.");
        }
    }

    /** Schedules the purge on this node, unless {@code portico.retention.enabled} is false. */
    public synchronized void start() {
        check();
        if (enabled && task == null) {
            task = scheduler.scheduleWithFixedDelay(this::purgeQuietly, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(true);
        }
    }

    /** Purges everything due now; answers how many rows of each kind went. */
    public synchronized Map<String, Long> purge() {
        Instant before = clock.instant().minus(emails);
        long started = System.nanoTime();
        Map<String, Long> purged = new LinkedHashMap<>();
        purged.put("emails", all(purges::emails, before));
        purged.put("dunning", all(purges::dunning, before));
        purged.forEach(metrics::purged);
        LOG.info(() -> "Email retention purged " + purged + " in " + (System.nanoTime() - started) / 1_000_000 + " ms.");
        return purged;
    }

    /** Batch after batch until one comes back short: everything due went. */
    private long all(BiFunction<Instant, Integer, Integer> batch, Instant before) {
        long total = 0;
        int done;
        do {
            done = batch.apply(before, batchSize);
            total += done;
        } while (done == batchSize);
        return total;
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Email retention purge failed; the next run goes on from there", e);
        }
    }
}
