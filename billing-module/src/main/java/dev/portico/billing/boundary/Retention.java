package dev.portico.billing.boundary;

import dev.portico.billing.control.BillingMetrics;
import dev.portico.billing.control.Purges;
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
 * How long billing keeps what, purged every {@code portico.retention.interval} on every node, in
 * batches of {@code portico.retention.batch-size} rows, each its own short transaction (see
 * {@link Purges}). Settled events lose their raw payload after {@code portico.retention.event-payloads}
 * (id and outcome stay: a late duplicate is still recognised) and go altogether after
 * {@code portico.retention.events}, which must outlast Stripe's 30 days of events, or the catch-up
 * would take a forgotten event for a new one; an event older than that arriving anyway is answered
 * as a duplicate and not applied. Completed publications go after {@code portico.retention.publications},
 * finished sweeps and drift found after {@code portico.retention.sweeps}, throttle rows once their
 * window is empty, claims a day after their lease ended. Accounts, invoices and the names the page
 * shows are billing records: they stay.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    /** How far back Stripe's Events API goes (and the catch-up with it). */
    private static final Duration STRIPE_KEEPS = Duration.ofDays(30);
    /** A claim this long past its lease is held by nobody. */
    private static final Duration CLAIM_AFTER_LEASE = Duration.ofDays(1);

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    Purges purges;

    @Inject
    BillingMetrics metrics;

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
    @ConfigProperty(name = "portico.retention.event-payloads")
    Duration eventPayloads;

    @Inject
    @ConfigProperty(name = "portico.retention.events")
    Duration events;

    @Inject
    @ConfigProperty(name = "portico.retention.publications")
    Duration publications;

    @Inject
    @ConfigProperty(name = "portico.retention.sweeps")
    Duration sweeps;

    @Inject
    @ConfigProperty(name = "portico.portal.rate-limit-window")
    Duration throttleWindow;

    private ScheduledFuture<?> task;

    /**
     * Settings that would purge what is still needed stop the deployment. Checked as the purge is
     * scheduled, not in an {@code @Initialized} observer: on Payara, a bean of an EAR library first
     * created by that event gets no {@code @Resource} injection (its scheduler stayed null).
     */
    private void check() {
        if (!positive(interval) || batchSize < 1 || batchSize > 10_000 || !positive(eventPayloads)
                || !positive(publications) || !positive(sweeps)) {
            throw new IllegalArgumentException("portico.retention.interval, .event-payloads, .publications and .sweeps"
                    + " must be positive, and portico.retention.batch-size 1 to 10000.");
        }
        if (events.compareTo(STRIPE_KEEPS) <= 0 || events.compareTo(eventPayloads) < 0) {
            throw new IllegalArgumentException("portico.retention.events must be longer than Stripe's 30 days of events"
                    + " and at least portico.retention.event-payloads.");
        }
    }

    /** Schedules the purge on this node, unless {@code portico.retention.enabled} is false. */
    public synchronized void start() {
        check();
        if (!enabled) {
            LOG.info("portico.retention.enabled is false: nothing is purged on this node unless an operator asks.");
        } else if (task == null) {
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

    /** Whether an event created then is older than the inbox remembers: it would be no news, only a replay. */
    public boolean forgotten(Instant created) {
        return created.isBefore(clock.instant().minus(events));
    }

    /** Purges everything due now, batch by batch; answers how many rows of each kind. */
    public synchronized Map<String, Long> purge() {
        Instant now = clock.instant();
        long started = System.nanoTime();
        Map<String, Long> purged = new LinkedHashMap<>();
        purged.put("eventPayloads", all(purges::eventPayloads, now.minus(eventPayloads)));
        purged.put("events", all(purges::events, now.minus(events)));
        purged.put("publications", all(purges::publications, now.minus(publications)));
        purged.put("sweeps", all(purges::sweeps, now.minus(sweeps)));
        purged.put("drift", all(purges::drift, now.minus(sweeps)));
        purged.put("throttles", all(purges::throttles, now.minus(throttleWindow)));
        purged.put("claims", all(purges::claims, now.minus(CLAIM_AFTER_LEASE)));
        purged.forEach(metrics::purged);
        LOG.info(() -> "Billing retention purged " + purged + " in " + (System.nanoTime() - started) / 1_000_000 + " ms.");
        return purged;
    }

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
            // Nothing half-done: every batch committed or rolled back whole; the next run goes on.
            LOG.log(Level.WARNING, "Billing retention purge failed; the next run goes on from there", e);
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
