package dev.portico.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for asynchronous work (a retrier, the outbox sender, an email) without sleeping a fixed
 * time: poll until the answer is the wanted one or the patience is used up, then hand back the
 * last answer seen so the test's assertion shows what was there instead.
 */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(200);

    private Eventually() {
    }

    /** Probes until {@code done} holds for the answer, at most for {@code patience}; returns the last answer. */
    public static <T> T eventually(Supplier<T> probe, Predicate<? super T> done, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        T seen = probe.get();
        while (!done.test(seen) && Instant.now().isBefore(deadline)) {
            pause(POLL);
            seen = probe.get();
        }
        return seen;
    }

    /** Lets time pass on purpose (a late webhook, a straggling email), never to wait for work. */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
