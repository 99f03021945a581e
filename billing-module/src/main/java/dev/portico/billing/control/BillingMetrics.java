package dev.portico.billing.control;

import dev.portico.billing.entity.WebhookEvent.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Billing's figures in the application's MicroProfile Metrics registry (Prometheus at
 * {@code /metrics?scope=application}, each name prefixed {@code portico_}). Counters are counted
 * only once what they count is durable (after the commit). Tags take bounded values: Stripe's
 * event types, Portico's outcomes and error codes, never an id.
 */
@ApplicationScoped
public class BillingMetrics {

    // Built once: the intake and the applier count on every event.
    private static final Metadata RECEIVED = Metadata.builder().withName("portico_webhook_events_received")
            .withDescription("Stripe deliveries answered 2xx, by event type and result (stored, duplicate, ignored)").build();
    private static final Metadata APPLIED = Metadata.builder().withName("portico_webhook_events_applied")
            .withDescription("Stripe events the applier settled or failed to apply, by event type and outcome").build();
    private static final Metadata APPLY_LAG = Metadata.builder().withName("portico_webhook_apply_lag")
            .withDescription("From an event's storing to its settling by the applier").withUnit(MetricUnits.SECONDS).build();
    private static final Metadata PORTAL_SESSIONS = Metadata.builder().withName("portico_portal_sessions")
            .withDescription("Portal session requests, by outcome (OK or the error code), with their latency")
            .withUnit(MetricUnits.SECONDS).build();

    private static final Metadata RETRIES = Metadata.builder().withName("portico_event_retries")
            .withDescription("Retries of failed events billing admins asked for, by outcome (the event's, or the refusal's code)")
            .build();

    private static final Metadata SWEEPS = Metadata.builder().withName("portico_reconcile_sweeps")
            .withDescription("Reconcile sweeps this node ended, by status (COMPLETED, FAILED)").build();
    private static final Metadata RECOVERED = Metadata.builder().withName("portico_reconcile_events_recovered")
            .withDescription("Events the catch-up found at Stripe that no webhook had brought").build();
    private static final Metadata DRIFT = Metadata.builder().withName("portico_reconcile_drift_repaired")
            .withDescription("Fields of workspaces found different from Stripe's objects and repaired (sweeps and syncs)").build();

    private static final Metadata PURGED = Metadata.builder().withName("portico_retention_purged")
            .withDescription("Rows the retention purge deleted (or payloads it emptied), by kind").build();

    /** How long one reading of the backlog serves the gauges: one scrape reads several of them. */
    private static final Duration BACKLOG_FRESH = Duration.ofSeconds(1);

    @Inject
    MetricRegistry registry;

    @Inject
    Inbox inbox;

    @Inject
    Publications publications;

    @Inject
    Clock clock;

    private volatile Backlog backlog;

    /** A reading of the backlog, timed by the JVM's own clock (the injectable one may be moved by tests). */
    private record Backlog(Map<Status, Long> counts, long readAtNanos) {
    }

    /** A delivery the intake answered: {@code result} is stored, duplicate or ignored. */
    public void received(String type, String result) {
        registry.counter(RECEIVED, new Tag("type", type), new Tag("result", result)).inc();
    }

    /** An event the applier settled, {@code lag} after it was stored. */
    public void settled(String type, Status outcome, Duration lag) {
        applied(type, outcome);
        registry.timer(APPLY_LAG).update(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** Rows of a kind the retention purge deleted or emptied. */
    public void purged(String kind, long rows) {
        registry.counter(PURGED, new Tag("kind", kind)).inc(rows);
    }

    /** An attempt to apply an event that failed (it is retried after a backoff, or given up). */
    public void failed(String type) {
        applied(type, Status.FAILED);
    }

    private void applied(String type, Status outcome) {
        registry.counter(APPLIED, new Tag("type", type), new Tag("outcome", outcome.name())).inc();
    }

    /** A retry a billing admin asked for: {@code outcome} is the event's after it, or the refusal's code. */
    public void retried(String outcome) {
        registry.counter(RETRIES, new Tag("outcome", outcome)).inc();
    }

    /** One attempt to open a portal session: {@code outcome} is OK or the error code. */
    public void portalSession(String outcome, Duration took) {
        registry.timer(PORTAL_SESSIONS, new Tag("outcome", outcome)).update(took);
    }

    /** A sweep this node ended: its status and how many events it recovered. */
    public void sweepEnded(String status, int eventsRecovered) {
        registry.counter(SWEEPS, new Tag("status", status)).inc();
        registry.counter(RECOVERED).inc(eventsRecovered);
    }

    /** Fields a resync repaired, once committed. */
    public void driftRepaired(int fields) {
        registry.counter(DRIFT).inc(fields);
    }

    /**
     * The gauges, read from the database at each scrape; registered as the application starts, so
     * they are there from the first scrape on (counters and timers appear with their first count).
     */
    void registerGauges(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (Status status : new Status[] {Status.RECEIVED, Status.FAILED, Status.UNMATCHED}) {
            gauge("portico_webhook_backlog", "Stored events not settled yet, by status (a count in the inbox)",
                    () -> backlog().getOrDefault(status, 0L), new Tag("status", status.name()));
        }
        gauge("portico_webhook_oldest_unapplied_age_seconds", "Age of the oldest stored event the applier has not applied",
                () -> inbox.oldestReceived().map(at -> Math.max(0, Duration.between(at, clock.instant()).toSeconds()))
                        .orElse(0L));
        gauge("portico_publications_incomplete", "Billing events a listener has not completed yet",
                publications::countIncomplete);
    }

    private void gauge(String name, String description, Supplier<Long> value, Tag... tags) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value, tags);
    }

    private Map<Status, Long> backlog() {
        Backlog seen = backlog;
        if (seen == null || System.nanoTime() - seen.readAtNanos() > BACKLOG_FRESH.toNanos()) {
            seen = new Backlog(inbox.backlog(), System.nanoTime());
            backlog = seen;
        }
        return seen.counts();
    }
}
