package dev.portico.web.health;

import dev.portico.billing.boundary.PortalConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the portal configuration's state (status, the configuration sessions name, drift) and
 * is always up. The problem behind a status ({@code INVALID_FILE}, {@code FAILED}) names the file's
 * path and Stripe's answer: it goes to the log and to operators
 * ({@code GET /api/operator/portal-configuration}), never to this unauthenticated answer. Always up: Stripe being unreachable, or a dashboard edit, must not take
 * a node out of the load balancer, which would stop webhooks too. A portal session finding no
 * configuration known answers 503 itself.
 */
@Readiness
@ApplicationScoped
public class PortalConfigurationCheck implements HealthCheck {

    static final String NAME = "portal-configuration";

    @Inject
    PortalConfiguration portal;

    @Override
    public HealthCheckResponse call() {
        PortalConfiguration.Report state = portal.report();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up()
                .withData("status", state.status())
                .withData("configuration", state.configuration() == null ? "none" : state.configuration())
                .withData("drift", state.drift().isEmpty() ? "none" : String.join(", ", state.drift()));
        return response.build();
    }
}
