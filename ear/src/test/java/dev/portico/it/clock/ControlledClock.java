package dev.portico.it.clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test only, never in the built EAR: replaces Portico's clock with one the tests can move. It runs
 * on, from wherever it was set, so everything that waits still works. Added to the deployment by
 * {@code DeployedEar} as a library of its own (every module sees it there).
 */
@Alternative
@Priority(10_000)
@ApplicationScoped
public class ControlledClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new Shifted();
    }

    /** From now on the server's time is {@code now} (and keeps running). */
    public void set(Instant now) {
        offset.set(Duration.between(Instant.now(), now));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    private final class Shifted extends Clock {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("Portico's clock is UTC.");
        }

        @Override
        public Instant instant() {
            return now();
        }
    }
}
