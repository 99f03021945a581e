package dev.portico.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Spaces this node's background requests to Stripe: at most
 * {@code portico.reconcile.max-requests-per-second}, evenly (Stripe's rate limits count per
 * second, and a burst of the reconciler must not starve the portal sessions customers wait for).
 * Measured on the monotonic clock: this is pacing, not billing time.
 */
@ApplicationScoped
public class RequestPacer {

    @Inject
    @ConfigProperty(name = "portico.reconcile.max-requests-per-second")
    int perSecond;

    private long nextSlot;

    /** Waits until this node may send its next background request. */
    public void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + 1_000_000_000L / Math.max(1, perSecond);
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
