package dev.portico.billing.boundary;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.control.PortalRateLimiter;
import dev.portico.billing.control.Resync;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * A billing admin's "sync with Stripe now": the workspace's customer, subscriptions and recent
 * invoices fetched from Stripe and taken over by the usual rules. It costs Stripe requests, so it
 * draws on the workspace's portal throttle (one budget for both).
 */
@ApplicationScoped
public class WorkspaceSync {

    @Inject
    PortalRateLimiter throttle;

    @Inject
    Resync resync;

    /** A field that was stored differently from Stripe's objects, now repaired. */
    public record Change(String field, Optional<String> stored, Optional<String> stripe) {
    }

    /** What changed, empty when the stored state matched Stripe's. */
    public List<Change> sync(WorkspaceId workspace) {
        throttle.acquire(workspace);
        try {
            return resync.resync(workspace, Optional.empty()).stream()
                    .map(d -> new Change(d.field(), Optional.ofNullable(d.stored()), Optional.ofNullable(d.stripe())))
                    .toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BillingFailure(Reason.STRIPE_UNAVAILABLE, "The sync was interrupted; try again shortly.");
        }
    }
}
