package dev.portico.billing.boundary;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.control.BillingMetrics;
import dev.portico.billing.control.CatchUp;
import dev.portico.billing.control.Claims;
import dev.portico.billing.control.Resync;
import dev.portico.billing.control.Sweeps;
import dev.portico.billing.entity.ReconcileSweep;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps Portico from drifting away from Stripe, on start and every {@code portico.reconcile.interval}:
 * a sweep first catches up on events no webhook brought (Stripe's Events API, created since the
 * start of the last completed sweep, or the newest event held, minus {@code portico.reconcile.margin};
 * never more than Stripe's 30 days back), then resyncs a batch of workspaces, those checked longest
 * ago first, sized so that every workspace is checked within {@code portico.reconcile.period}.
 * One node sweeps at a time: the sweep lease ({@code portico.reconcile.lease}, renewed as it goes).
 * A sweep's progress is in its row, so a node that dies mid-sweep leaves it to the next holder of
 * the lease, which resumes it. Stripe unreachable throughout: the sweep fails, changing nothing,
 * and the next one covers its span.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());
    private static final String LEASE = "reconcile-sweep";
    /** How far back Stripe's Events API goes. */
    private static final Duration STRIPE_KEEPS = Duration.ofDays(30);

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    Sweeps sweeps;

    @Inject
    CatchUp catchUp;

    @Inject
    Resync resync;

    @Inject
    Claims claims;

    @Inject
    BillingMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portico.reconcile.enabled")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "portico.reconcile.interval")
    Duration interval;

    @Inject
    @ConfigProperty(name = "portico.reconcile.period")
    Duration period;

    @Inject
    @ConfigProperty(name = "portico.reconcile.margin")
    Duration margin;

    @Inject
    @ConfigProperty(name = "portico.reconcile.lease")
    Duration lease;

    private final AtomicBoolean sweeping = new AtomicBoolean();
    private ScheduledFuture<?> task;
    private volatile boolean sweptSinceStart;

    /** Schedules the sweeps, unless {@code portico.reconcile.enabled} is false (operators may still start one). */
    public synchronized void start() {
        if (!enabled) {
            LOG.info("portico.reconcile.enabled is false: no scheduled reconcile sweeps on this node.");
        } else if (task == null) {
            task = scheduler.scheduleWithFixedDelay(() -> sweep(false), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(true);
        }
    }

    /** Starts a sweep now, on this node, in the background; {@code SWEEP_RUNNING} when one runs already. */
    public void sweepNow() {
        if (sweeping.get() || !claims.hold(LEASE, lease)) {
            throw new BillingFailure(Reason.SWEEP_RUNNING, "A sweep is running already; see the list of sweeps.");
        }
        executor.execute(() -> sweep(true));
    }

    /** A sweep as operators see it. */
    public record SweepReport(String id, String node, Instant startedAt, Optional<Instant> finishedAt, String status,
                              String phase, Instant listedFrom, int eventsListed, int eventsRecovered,
                              int workspacesPlanned, int workspacesChecked, int driftRepaired, int errors,
                              Optional<String> lastError) {
        static SweepReport of(ReconcileSweep s) {
            return new SweepReport(s.id(), s.node(), s.startedAt(), s.finishedAt(), s.status().name(), s.phase().name(),
                    s.listedFrom(), s.eventsListed(), s.eventsRecovered(), s.workspacesPlanned(), s.workspacesChecked(),
                    s.driftRepaired(), s.errors(), s.lastError());
        }
    }

    /** A field of a workspace found different from Stripe's objects, and repaired. */
    public record DriftReport(String workspaceId, String field, Optional<String> stored, Optional<String> stripe,
                              Instant foundAt) {
    }

    /** The newest sweeps first. */
    public List<SweepReport> recent(int limit) {
        return sweeps.recent(limit).stream().map(SweepReport::of).toList();
    }

    public Optional<SweepReport> find(String sweepId) {
        return sweeps.find(sweepId).map(SweepReport::of);
    }

    /** The drift a sweep repaired, oldest first. */
    public List<DriftReport> driftOf(String sweepId, int limit) {
        return sweeps.driftOf(sweepId, limit).stream()
                .map(d -> new DriftReport(d.workspaceId(), d.field(), d.stored(), d.stripe(), d.foundAt())).toList();
    }

    /**
     * A round: resumes a sweep a stopped node left running, or starts one unless another node
     * swept less than an interval ago (on start, this node sweeps whatever the others did).
     */
    void sweep(boolean asked) {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!claims.hold(LEASE, lease)) {
                return; // another node sweeps now
            }
            Optional<ReconcileSweep> resumed = sweeps.running()
                    .map(left -> sweeps.change(left.id(), sweep -> sweep.resumedBy(claims.node())));
            if (resumed.isEmpty() && !asked && sweptSinceStart && sweptRecently()) {
                return;
            }
            sweptSinceStart = true;
            ReconcileSweep sweep = resumed.orElseGet(() -> sweeps.begin(claims.node(), listedFrom()));
            resumed.ifPresent(left -> LOG.info(() -> "Resuming reconcile sweep " + left.id() + " in phase " + left.phase()));
            run(sweep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the sweep stays RUNNING, for the next lease holder
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The reconcile round failed; next round in " + interval, e);
        } finally {
            try {
                claims.release(LEASE);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Could not release the sweep lease; it ends by itself", e);
            }
            sweeping.set(false);
        }
    }

    private boolean sweptRecently() {
        return sweeps.latestStart().filter(last -> last.isAfter(clock.instant().minus(interval.multipliedBy(9).dividedBy(10))))
                .isPresent();
    }

    /** Where the catch-up starts listing: see the class comment. */
    private Instant listedFrom() {
        Instant floor = clock.instant().minus(STRIPE_KEEPS);
        Instant from = sweeps.lastCompletedStart().or(sweeps::newestEvent).map(seen -> seen.minus(margin)).orElse(floor);
        return from.isBefore(floor) ? floor : from;
    }

    private void run(ReconcileSweep started) throws InterruptedException {
        String id = started.id();
        try {
            ReconcileSweep sweep = started;
            while (sweep.phase() == ReconcileSweep.Phase.CATCH_UP) {
                renewLease();
                CatchUp.Page page = catchUp.next(sweep.listedFrom(), sweep.cursor());
                sweep = sweeps.change(id, row -> row.listed(page.lastEventId().orElse(row.cursor().orElse(null)),
                        page.listed(), page.recovered(), page.malformed()));
                if (!page.hasMore()) {
                    int planned = plannedResyncs();
                    sweep = sweeps.change(id, row -> row.resyncNext(planned));
                }
            }
            int remaining = Math.max(0, sweep.workspacesPlanned() - sweep.workspacesChecked());
            for (WorkspaceId workspace : sweeps.longestUnchecked(remaining)) {
                renewLease();
                check(id, workspace);
            }
            ReconcileSweep done = sweeps.change(id, row -> row.completed(clock.instant()));
            metrics.sweepEnded(done.status().name(), done.eventsRecovered());
            LOG.info(() -> String.format("reconcile_sweep id=%s events_listed=%d events_recovered=%d workspaces_checked=%d"
                            + " drift_repaired=%d errors=%d", id, done.eventsListed(), done.eventsRecovered(),
                    done.workspacesChecked(), done.driftRepaired(), done.errors()));
        } catch (BillingFailure failure) {
            ReconcileSweep failed = sweeps.change(id, row -> row.failed(failure.reason() + ": " + failure.getMessage(),
                    clock.instant()));
            metrics.sweepEnded(failed.status().name(), failed.eventsRecovered());
            LOG.warning(() -> "Reconcile sweep " + id + " failed (" + failure.reason() + "); the next sweep covers its span");
        }
    }

    /** Resyncs one workspace; Stripe unreachable fails the sweep, any other refusal only this workspace. */
    private void check(String sweepId, WorkspaceId workspace) throws InterruptedException {
        try {
            resync.resync(workspace, Optional.of(sweepId));
        } catch (BillingFailure failure) {
            if (failure.reason() == Reason.STRIPE_UNAVAILABLE) {
                throw failure;
            }
            sweeps.failedToCheck(sweepId, workspace, failure.reason() + ": " + failure.getMessage());
        }
    }

    /** So many that every workspace is checked within the period, at one sweep per interval. */
    private int plannedResyncs() {
        long total = sweeps.workspacesWithCustomer();
        long sweepsPerPeriod = Math.max(1, period.toMillis() / Math.max(1, interval.toMillis()));
        return (int) Math.min(Integer.MAX_VALUE, (total + sweepsPerPeriod - 1) / sweepsPerPeriod);
    }

    private void renewLease() {
        if (!claims.hold(LEASE, lease)) {
            throw new IllegalStateException("Another node took the sweep lease over; this node stops sweeping.");
        }
    }
}
