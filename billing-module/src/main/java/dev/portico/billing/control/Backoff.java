package dev.portico.billing.control;

import java.time.Duration;

/** Retry delays that double from a first one, at most an hour: failed events and publications. */
final class Backoff {

    private static final Duration MAX = Duration.ofHours(1);

    private Backoff() {
    }

    /** The wait before the next try, after {@code attempts} tries (1 or more) that failed. */
    static Duration after(Duration first, int attempts) {
        Duration delay = first.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 20));
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }
}
