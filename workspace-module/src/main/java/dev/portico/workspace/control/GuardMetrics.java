package dev.portico.workspace.control;

import dev.portico.workspace.api.AccessRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The guard's figures in the application's metric registry: refusals by their error code, and
 * how many workspaces this node's billing-state cache holds (at most its maximum).
 */
@ApplicationScoped
public class GuardMetrics {

    private static final Metadata REFUSALS = Metadata.builder().withName("portico_guard_refusals")
            .withDescription("Calls @Guarded or @Entitled refused, by code (the billing reason, FEATURE_NOT_IN_PLAN, or why"
                    + " the caller was refused)").build();

    /** The code of a refusal by {@code @Entitled}, as the API answers it. */
    public static final String FEATURE_NOT_IN_PLAN = "FEATURE_NOT_IN_PLAN";

    @Inject
    MetricRegistry registry;

    @Inject
    Standings standings;

    void registerGauges(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("portico_enforcement_cached_workspaces")
                .withDescription("Workspaces whose billing state this node holds in memory").build(), standings::held);
    }

    /** Runs a guard's check; a refusal it throws is counted and thrown on. */
    public void check(Runnable check) {
        try {
            check.run();
        } catch (AccessRefused refusal) {
            refused(refusal);
            throw refusal;
        }
    }

    private void refused(AccessRefused refusal) {
        String code = switch (refusal.kind()) {
            case BILLING -> refusal.decision().code();
            case FEATURE -> FEATURE_NOT_IN_PLAN;
            default -> refusal.kind().name();
        };
        registry.counter(REFUSALS, new Tag("code", code == null ? "UNKNOWN" : code)).inc();
    }
}
