package dev.portico.workspace.control;

import dev.portico.workspace.api.AccessRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The guard's figures in the application's metric registry: refusals by their error code. */
@ApplicationScoped
public class GuardMetrics {

    private static final Metadata REFUSALS = Metadata.builder().withName("portico_guard_refusals")
            .withDescription("Calls @Guarded refused, by code (the billing reason, or why the caller was refused)").build();

    @Inject
    MetricRegistry registry;

    public void refused(AccessRefused refusal) {
        String code = refusal.kind() == AccessRefused.Kind.BILLING ? refusal.decision().code() : refusal.kind().name();
        registry.counter(REFUSALS, new Tag("code", code == null ? "UNKNOWN" : code)).inc();
    }
}
