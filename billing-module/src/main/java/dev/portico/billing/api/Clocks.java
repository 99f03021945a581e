package dev.portico.billing.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Portico's one source of time, injected wherever time matters (throttles, grace periods,
 * dunning), so tests can reason about it. It lives in billing's api because every module may
 * depend on that package and on nothing else of billing.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
