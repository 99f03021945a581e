package dev.portico.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo mode ({@code portico.demo=true}, set only by {@code mvn -Prun} when no Stripe key is given):
 * Stripe is a local stand-in and tokens come from a local key. It must never run by accident in
 * production, so it is off unless set explicitly, says so loudly at start-up, and refuses to
 * start with a live Stripe key.
 */
@Startup
@Singleton
public class DemoMode {

    private static final Logger LOG = Logger.getLogger(DemoMode.class.getName());

    @Inject
    @ConfigProperty(name = "portico.demo", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "stripe.api.key")
    Optional<String> stripeKey;

    @PostConstruct
    void check() {
        if (!demo) {
            return;
        }
        if (stripeKey.filter(key -> key.startsWith("sk_live_") || key.startsWith("rk_live_")).isPresent()) {
            throw new IllegalStateException("portico.demo=true with a live Stripe key: refusing to start."
                    + " Demo mode is for a laptop with a local Stripe stand-in only.");
        }
        LOG.severe("""

                ************************************************************************
                * PORTICO DEMO MODE (portico.demo=true): Stripe is a local stand-in and *
                * sign-in uses a locally generated key. Never run this in production.   *
                ************************************************************************""");
    }
}
