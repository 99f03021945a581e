package dev.portico.billing.boundary;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.PortalFlow;
import dev.portico.billing.control.DesiredPortal;
import dev.portico.billing.control.PortalConfigurationFile;
import dev.portico.billing.control.PortalConfigurationFile.InvalidPortalConfiguration;
import dev.portico.billing.control.PortalConfigurationState;
import dev.portico.billing.control.PortalConfigurationState.Status;
import dev.portico.billing.control.PortalConfigurationSync;
import dev.portico.billing.control.PortalConfigurationSync.Mode;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Customer Portal's configuration as code ({@code portico.portal.configuration-file}): read and
 * checked at start (a file Stripe would refuse stops the deployment, naming the field), kept in
 * Stripe by every node at start and every {@code portico.portal.configuration-interval} (the file
 * is read again each time, so an edited file is applied without a restart), and named on every
 * portal session. A flow the configuration does not enable is refused before Stripe is called.
 * Without a file nothing changes: sessions use the account's default configuration.
 */
@ApplicationScoped
public class PortalConfiguration {

    private static final Logger LOG = Logger.getLogger(PortalConfiguration.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    PortalConfigurationSync sync;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portico.portal.configuration-file")
    Optional<String> file;

    @Inject
    @ConfigProperty(name = "portico.portal.configuration-mode")
    String mode;

    @Inject
    @ConfigProperty(name = "portico.portal.configuration-interval")
    Duration interval;

    private volatile DesiredPortal desired;
    private volatile PortalConfigurationState state = new PortalConfigurationState(Status.NOT_CONFIGURED, null, null,
            EnumSet.allOf(PortalFlow.class), List.of(), null, null);
    private ScheduledFuture<?> task;

    /** Reads the file (throwing, so the deployment fails, when it is wrong) and schedules the checks. */
    public synchronized void start() {
        if (file.isEmpty() || file.get().isBlank() || task != null) {
            return;
        }
        mode();
        desired = PortalConfigurationFile.read(Path.of(file.get()));
        state = new PortalConfigurationState(Status.PENDING, null, desired.hash(), desired.flows(), List.of(), null, null);
        task = scheduler.scheduleWithFixedDelay(this::checkQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "Portal configuration from " + file.get() + " (hash " + desired.hash().substring(0, 12)
                + ", mode " + mode + "), checked every " + interval);
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /**
     * Where this node's last check left the configuration, for operators and readiness: the status
     * (a {@link Status} name), the configuration sessions name, the file's hash, the flows it offers,
     * the fields changed in Stripe, when, and the last problem.
     */
    public record Report(String status, String configuration, String hash, Set<PortalFlow> flows, List<String> drift,
                         Instant checkedAt, String error) {

        static Report of(PortalConfigurationState state) {
            return new Report(state.status().name(), state.configuration(), state.hash(), state.flows(), state.drift(),
                    state.checkedAt(), state.error());
        }
    }

    public Report report() {
        return Report.of(state);
    }

    /** Checks now (the operators' "sync"), and answers where that left the configuration. */
    public Report checkNow() {
        return Report.of(check());
    }

    private synchronized PortalConfigurationState check() {
        if (desired == null) {
            return state;
        }
        try {
            DesiredPortal read = PortalConfigurationFile.read(Path.of(file.get()));
            if (!read.hash().equals(desired.hash())) {
                state = new PortalConfigurationState(state.status(), state.configuration(), read.hash(), read.flows(),
                        List.of(), state.checkedAt(), null);
            }
            desired = read;
        } catch (InvalidPortalConfiguration e) {
            LOG.warning("The portal configuration file changed into one Stripe would refuse; keeping the last one: "
                    + e.getMessage());
            state = state.withProblem(Status.INVALID_FILE, clock.instant(), e.getMessage());
            return state;
        }
        try {
            PortalConfigurationState before = state;
            state = sync.run(desired, mode(), state, clock.instant());
            report(before, state);
        } catch (BillingFailure e) {
            state = state.withProblem(Status.FAILED, clock.instant(), e.getMessage());
            LOG.warning("The portal configuration could not be checked with Stripe: " + e.reason());
        }
        return state;
    }

    /** The deep-link flows the billing page may offer: all of them without a file. */
    public Set<PortalFlow> flows() {
        return state.flows();
    }

    /**
     * The configuration a portal session names, if a file is set. Refuses a flow the configuration
     * does not enable ({@code FLOW_NOT_ENABLED}); when no configuration is known yet (Stripe was
     * unreachable so far) checks once more, then answers {@code STRIPE_UNAVAILABLE}.
     */
    public Optional<String> forSession(Optional<PortalFlow> flow) {
        if (desired == null) {
            return Optional.empty();
        }
        if (flow.isPresent() && !state.flows().contains(flow.get())) {
            throw new BillingFailure(Reason.FLOW_NOT_ENABLED, "The portal's configuration does not offer "
                    + flow.get().wireName().replace('_', ' ') + ".");
        }
        String known = state.configuration();
        if (known == null) {
            known = check().configuration();
        }
        if (known == null) {
            throw new BillingFailure(Reason.STRIPE_UNAVAILABLE, "The portal is not set up at Stripe yet; try again shortly.");
        }
        return Optional.of(known);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The portal configuration check failed", e);
        }
    }

    private Mode mode() {
        try {
            return Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("portico.portal.configuration-mode must be enforce or report, not " + mode);
        }
    }

    private void report(PortalConfigurationState before, PortalConfigurationState after) {
        switch (after.status()) {
            case CREATED -> LOG.info("Portal configuration created in Stripe: " + after.configuration());
            case UPDATED -> LOG.info("Portal configuration " + after.configuration() + " written again"
                    + (after.drift().isEmpty() ? " (the file changed)" : " (changed in Stripe: " + after.drift() + ")"));
            case DRIFTED -> {
                if (!after.drift().equals(before.drift())) {
                    LOG.warning("Portal configuration " + after.configuration() + " was changed in Stripe and differs from"
                            + " the file in " + after.drift() + " (mode report: left as it is)");
                }
            }
            default -> {
                // in sync: nothing to say every interval
            }
        }
    }
}
