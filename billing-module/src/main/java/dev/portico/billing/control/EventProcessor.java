package dev.portico.billing.control;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.entity.WebhookEvent;
import dev.portico.billing.entity.WebhookEvent.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the applier and deals with the aftermath: a failure is recorded with a backoff for the
 * automatic retries ({@code portico.webhook.retry-backoff}, doubling, at most
 * {@code portico.webhook.max-attempts} tries); an applied event lets waiting (unmatched) events
 * of the same customer apply, since it may have linked the customer to its workspace.
 */
@ApplicationScoped
public class EventProcessor {

    private static final Logger LOG = Logger.getLogger(EventProcessor.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    @Inject
    EventApplier applier;

    @Inject
    WebhookInbox inbox;

    @Inject
    @ConfigProperty(name = "portico.webhook.retry-backoff")
    Duration backoff;

    @Inject
    @ConfigProperty(name = "portico.webhook.max-attempts")
    int maxAttempts;

    /**
     * Stores and applies a newly delivered event. A duplicate changes nothing. When applying fails
     * the event is stored on its own, as failed, so it is retried; only if that fails too does
     * this throw (nothing is stored).
     */
    public EventApplier.Outcome receive(IncomingEvent event, byte[] payload) {
        EventApplier.Outcome outcome;
        try {
            outcome = applier.receive(event, payload);
        } catch (RuntimeException e) {
            Optional<WebhookEvent> stored = inbox.find(event.id());
            if (stored.isPresent()) {
                return new EventApplier.Outcome(stored.get().status(), true, List.of());
            }
            if (inbox.recordFailed(event, payload, describe(event.id(), 1, e), Optional.of(delay(1)))) {
                return new EventApplier.Outcome(Status.FAILED, false, List.of());
            }
            // A concurrent delivery of the same event was stored meanwhile.
            return new EventApplier.Outcome(inbox.find(event.id()).map(WebhookEvent::status).orElseThrow(), true,
                    List.of());
        }
        outcome.unmatchedOfCustomer().forEach(this::retry);
        return outcome;
    }

    /** Applies a stored event again; returns its status afterwards. */
    public Status retry(String eventId) {
        try {
            Optional<EventApplier.Outcome> outcome = applier.apply(eventId);
            outcome.ifPresent(done -> done.unmatchedOfCustomer().forEach(this::retry));
        } catch (RuntimeException e) {
            int attempts = inbox.find(eventId).map(WebhookEvent::attempts).orElse(0) + 1;
            inbox.failed(eventId, describe(eventId, attempts, e),
                    attempts < maxAttempts ? Optional.of(delay(attempts)) : Optional.empty());
        }
        return inbox.find(eventId).map(WebhookEvent::status).orElseThrow();
    }

    private static String describe(String eventId, int attempt, RuntimeException e) {
        String why = e instanceof BillingFailure failure ? failure.reason() + ": " + failure.getMessage()
                : e.getClass().getSimpleName();
        LOG.log(Level.WARNING, "Applying Stripe event " + eventId + " failed (attempt " + attempt + "): " + why, e);
        return why;
    }

    private Duration delay(int attempts) {
        Duration delay = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }
}
