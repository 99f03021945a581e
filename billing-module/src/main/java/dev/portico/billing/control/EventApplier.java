package dev.portico.billing.control;

import com.google.gson.JsonObject;
import com.stripe.model.StripeObject;
import dev.portico.billing.api.BillingEvent;
import dev.portico.billing.entity.WebhookEvent;
import dev.portico.billing.entity.WebhookEvent.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Applies Stripe events, each in one transaction: the inbox row is written or locked (so an event
 * is applied once, whoever else tries), the matching handler changes billing state, the row
 * records the outcome, and billing's facts are published to CDI observers in the same transaction.
 */
@ApplicationScoped
public class EventApplier {

    @Inject
    WebhookInbox inbox;

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    jakarta.enterprise.event.Event<BillingEvent> facts;

    @Inject
    LinkedCustomers linked;

    @Inject
    Clock clock;

    /** What became of an event: its status, and unmatched events of its customer that may apply now. */
    public record Outcome(Status status, boolean duplicate, List<String> unmatchedOfCustomer) {
    }

    /**
     * Stores a newly delivered event and applies it, in one transaction. If this throws, nothing
     * was stored: the caller stores the event on its own, as failed, so it is retried.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome receive(IncomingEvent event, String payload) {
        Optional<WebhookEvent> known = inbox.find(event.id());
        if (known.isPresent()) {
            return new Outcome(known.get().status(), true, List.of());
        }
        return applyTo(inbox.store(event, payload), event.object());
    }

    /** Applies a stored event again (retries); empty when it is no longer pending. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Outcome> apply(String eventId) {
        WebhookEvent row = inbox.lock(eventId).orElseThrow(() -> new IllegalArgumentException("No event " + eventId));
        return row.isPending()
                ? Optional.of(applyTo(row, IncomingEvent.parse(row.payload()).object()))
                : Optional.empty();
    }

    private Outcome applyTo(WebhookEvent row, JsonObject object) {
        Applied result = handlers.stream()
                .filter(handler -> handler.handles(row.type()))
                .findFirst()
                .map(handler -> handler.apply(delivery(row, object)))
                .orElseGet(() -> Applied.ignored(null, "Portico does not act on " + row.type() + " events."));
        row.settle(result.outcome(), result.workspace() == null ? null : result.workspace().value(), result.detail(),
                clock.instant());
        result.events().forEach(facts::fire);
        // Customers linked to their workspace just now: their waiting events can apply next.
        List<String> waiting = linked.all().stream().flatMap(customer -> inbox.unmatched(customer).stream()).toList();
        return new Outcome(row.status(), false, waiting);
    }

    private static Delivery delivery(WebhookEvent row, JsonObject object) {
        StripeObject data = Delivery.read(object);
        if (data == null) {
            throw new IllegalStateException("Event " + row.eventId() + " of type " + row.type() + " carries an unexpected object.");
        }
        return new Delivery(row.eventId(), row.type(), row.stripeCreatedAt(), data);
    }
}
