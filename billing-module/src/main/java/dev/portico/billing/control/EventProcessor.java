package dev.portico.billing.control;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.entity.WebhookEvent;
import dev.portico.billing.entity.WebhookEvent.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies a stored event and deals with the aftermath: a failure is recorded with a backoff for
 * the automatic retries ({@code portico.webhook.retry-backoff}, doubling, at most
 * {@code portico.webhook.max-attempts} tries); an applied event lets waiting (unmatched) events of
 * the same customer apply, since it may have linked the customer to its workspace.
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

    /** The event's status after this attempt. */
    public Status process(String eventId) {
        try {
            Optional<Applied> applied = applier.apply(eventId);
            applied.filter(result -> result.outcome() == Status.APPLIED)
                    .flatMap(result -> inbox.find(eventId).flatMap(WebhookEvent::customerId))
                    .ifPresent(customer -> inbox.unmatched(customer).forEach(this::process));
            applied.ifPresent(result -> LOG.fine(() -> "Stripe event " + eventId + ": " + result.outcome()));
        } catch (RuntimeException e) {
            int attempts = inbox.find(eventId).map(WebhookEvent::attempts).orElse(0) + 1;
            String why = e instanceof BillingFailure failure ? failure.reason() + ": " + failure.getMessage()
                    : e.getClass().getSimpleName();
            LOG.log(Level.WARNING, "Applying Stripe event " + eventId + " failed (attempt " + attempts + "): " + why, e);
            inbox.failed(eventId, why, attempts < maxAttempts ? Optional.of(delay(attempts)) : Optional.empty());
        }
        return inbox.find(eventId).map(WebhookEvent::status).orElseThrow();
    }

    private Duration delay(int attempts) {
        Duration delay = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }
}
