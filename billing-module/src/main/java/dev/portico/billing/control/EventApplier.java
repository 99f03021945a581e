package dev.portico.billing.control;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiResource;
import dev.portico.billing.api.BillingEvent;
import dev.portico.billing.entity.WebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one stored Stripe event in one transaction: the inbox row is locked (so the event is
 * applied once, whoever else tries), the matching handler changes billing state, the row records
 * the outcome, and billing's facts are published to CDI observers within the same transaction.
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
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Applied> apply(String eventId) {
        WebhookEvent row = inbox.lock(eventId).orElseThrow(() -> new IllegalArgumentException("No event " + eventId));
        if (!row.isPending()) {
            return Optional.empty();
        }
        Applied result = handlers.stream()
                .filter(handler -> handler.handles(row.type()))
                .findFirst()
                .map(handler -> handler.apply(delivery(row)))
                .orElseGet(() -> Applied.ignored(null, "Portico does not act on " + row.type() + " events."));
        row.settle(result.outcome(), result.workspace() == null ? null : result.workspace().value(), result.detail(),
                clock.instant());
        result.events().forEach(facts::fire);
        return Optional.of(result);
    }

    private static Delivery delivery(WebhookEvent row) {
        Event event = ApiResource.GSON.fromJson(row.payload(), Event.class);
        StripeObject object = event.getDataObjectDeserializer().getObject().orElseGet(() -> {
            try {
                // The endpoint's API version differs from stripe-java's: read it as best we can.
                return event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new IllegalStateException("Cannot read the data object of " + row.eventId(), e);
            }
        });
        Map<String, Object> previous = event.getData().getPreviousAttributes();
        return new Delivery(row.eventId(), row.type(), row.stripeCreatedAt(), object, previous == null ? Map.of() : previous);
    }
}
