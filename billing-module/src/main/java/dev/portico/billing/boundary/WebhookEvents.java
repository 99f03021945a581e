package dev.portico.billing.boundary;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.control.Applier;
import dev.portico.billing.control.BillingMetrics;
import dev.portico.billing.control.Envelope;
import dev.portico.billing.control.Inbox;
import dev.portico.billing.control.PortalRateLimiter;
import dev.portico.billing.entity.WebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A workspace's recent Stripe events, and an operator's retry of one that failed. */
@ApplicationScoped
public class WebhookEvents {

    private static final long PATIENCE_SECONDS = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(PATIENCE_SECONDS);

    @Inject
    Inbox inbox;

    @Inject
    Applier applier;

    @Inject
    PortalRateLimiter throttle;

    @Inject
    BillingMetrics metrics;

    /**
     * One event as an operator sees it; {@code arrival}: {@code webhook} (delivered by Stripe) or
     * {@code catch-up} (read from Stripe's Events API because no delivery came).
     */
    public record Entry(String id, String type, Instant receivedAt, String outcome, int attempts, String detail,
                        String arrival) {
        static Entry of(WebhookEvent event) {
            return new Entry(event.eventId(), event.type(), event.receivedAt(), event.status().name(), event.attempts(),
                    event.detail().orElse(null), arrivalOf(event));
        }
    }

    /** How the event came, as the API names it: {@code webhook} or {@code catch-up}. */
    static String arrivalOf(WebhookEvent event) {
        return event.arrival() == WebhookEvent.Arrival.CATCH_UP ? "catch-up" : "webhook";
    }

    public List<Entry> recent(WorkspaceId workspace, int limit) {
        return inbox.recent(workspace, limit).stream().map(Entry::of).toList();
    }

    /**
     * Applies a failed event of the workspace again, now: throttled with the workspace's portal
     * sessions and syncs (each retry may cost a read from Stripe, on the account's shared rate
     * limit), and waiting at most {@value #PATIENCE_SECONDS} s for work under way for the customer
     * ({@code 409 SYNC_BUSY} after that). Counted by outcome.
     */
    public Entry retry(WorkspaceId workspace, String eventId) {
        try {
            Entry retried = applyAgain(workspace, eventId);
            metrics.retried(retried.outcome());
            return retried;
        } catch (BillingFailure refused) {
            metrics.retried(refused.reason().name());
            throw refused;
        }
    }

    private Entry applyAgain(WorkspaceId workspace, String eventId) {
        WebhookEvent event = Optional.ofNullable(eventId).filter(Envelope::isEventId).flatMap(inbox::find)
                .filter(found -> found.workspaceId().filter(workspace.value()::equals).isPresent())
                .orElseThrow(() -> new BillingFailure(Reason.EVENT_NOT_FOUND, "This workspace has no such event."));
        if (event.status() != WebhookEvent.Status.FAILED) {
            throw new BillingFailure(Reason.NOT_RETRYABLE, "Only failed events can be retried; this one is "
                    + event.status().name() + ".");
        }
        throttle.acquire(workspace);
        boolean applied;
        try {
            applied = applier.applyNow(new Inbox.Waiting(eventId, event.customerId()), PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            applied = false;
        }
        if (!applied) {
            throw new BillingFailure(Reason.SYNC_BUSY, "Billing for this workspace is being updated right now; try again"
                    + " shortly.", PATIENCE);
        }
        return inbox.find(eventId).map(Entry::of).orElseThrow();
    }
}
