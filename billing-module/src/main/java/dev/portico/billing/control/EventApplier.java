package dev.portico.billing.control;

import com.stripe.model.StripeObject;
import dev.portico.billing.api.BillingEvent;
import dev.portico.billing.entity.WebhookEvent;
import dev.portico.billing.entity.WebhookEvent.Status;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
    Instance<EventHandler> allHandlers;

    /** Resolved once: looking the handlers up per event shows on the webhook's hot path. */
    private List<EventHandler> handlers;

    @Inject
    Event<BillingEvent> facts;

    @Inject
    LinkedCustomers linked;

    @Inject
    Clock clock;

    @PostConstruct
    void resolveHandlers() {
        handlers = allHandlers.stream().toList();
    }

    /** What became of an event: its status, and unmatched events of its customer that may apply now. */
    public record Outcome(Status status, boolean duplicate, List<String> unmatchedOfCustomer) {
    }

    /**
     * Applies a newly delivered event and stores it with its outcome, in one transaction (the row
     * is written once, settled). A delivery of an event already stored fails on the primary key
     * at commit, undoing everything; duplicates are rare, so they are not looked for up front.
     * If this throws, nothing was stored.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome receive(IncomingEvent event, byte[] payload) {
        WebhookEvent row = inbox.received(event, payload);
        Outcome outcome = applyTo(row, event);
        inbox.add(row);
        return outcome;
    }

    /** Applies a stored event again (retries); empty when it is no longer pending. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Outcome> apply(String eventId) {
        WebhookEvent row = inbox.lock(eventId).orElseThrow(() -> new IllegalArgumentException("No event " + eventId));
        if (!row.isPending()) {
            return Optional.empty();
        }
        Outcome outcome = applyTo(row, IncomingEvent.parse(row.payload()));
        inbox.track(row);
        return Optional.of(outcome);
    }

    private Outcome applyTo(WebhookEvent row, IncomingEvent event) {
        Applied result = handlers.stream()
                .filter(handler -> handler.handles(row.type()))
                .findFirst()
                .map(handler -> apply(handler, delivery(row, event)))
                .orElseGet(() -> Applied.ignored(null, "Portico does not act on " + row.type() + " events."));
        row.settle(result.outcome(), result.workspace() == null ? null : result.workspace().value(), result.detail(),
                clock.instant());
        result.events().forEach(facts::fire);
        // Customers linked to their workspace just now: their waiting events can apply next.
        List<String> waiting = linked.all().stream().flatMap(customer -> inbox.unmatched(customer).stream()).toList();
        return new Outcome(row.status(), false, waiting);
    }

    /** A malformed id is never stored or written into a detail: the event is set aside, naming the field. */
    private static Applied apply(EventHandler handler, Delivery delivery) {
        return StripeIds.malformed(delivery.object())
                .map(field -> Applied.ignored(null, "The event's " + field + " is not a well-formed Stripe id."))
                .orElseGet(() -> handler.apply(delivery));
    }

    private static Delivery delivery(WebhookEvent row, IncomingEvent event) {
        StripeObject data = Delivery.read(event);
        if (data == null) {
            throw new IllegalStateException("Event " + row.eventId() + " of type " + row.type() + " carries an unexpected object.");
        }
        return new Delivery(row.eventId(), row.type(), row.stripeCreatedAt(), data);
    }
}
