package dev.portico.billing.control;

import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import dev.portico.billing.entity.WebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One transaction of the applier: a batch of stored events, of one customer or several, is
 * applied, each customer's in Stripe's order (each row locked and applied only while still
 * pending, so an event is applied once whoever else tries), each settled with its outcome, and
 * billing's domain events are recorded as publications, all in one commit. Throws, undoing the batch, when a handler fails or
 * needs Stripe for a tie-break ({@link TieBreakNeeded}): the caller fetches outside the
 * transaction, or applies the events one by one.
 */
@ApplicationScoped
public class ApplierTransaction {

    @Inject
    Inbox inbox;

    @Inject
    Claims claims;

    @Inject
    AccountLocator locator;

    @Inject
    EventHandlers handlers;

    @Inject
    Publications publications;

    @Inject
    LinkedCustomers linked;

    @Inject
    Clock clock;

    /**
     * What a committed batch left to do: publications to deliver, customers linked just now.
     * Events of customers whose claim another node holds were left alone, to that node or the sweep.
     */
    public record Done(List<Publications.Due> publications, Set<String> linkedCustomers, List<Settled> settled) {
    }

    /** An event this transaction settled: its type, outcome, and how long after it was stored. */
    public record Settled(String type, WebhookEvent.Status outcome, Duration lag) {
    }

    /**
     * Applies those of the events still pending, by key (a customer id, or an event id for an
     * event that names no customer): each customer's events in Stripe's order, under the
     * customer's claim. {@code fetched}: subscriptions Stripe was asked for, by id.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Done apply(Map<String, List<String>> work, Map<String, Subscription> fetched) {
        Set<String> customers = work.keySet().stream().filter(Applier::isCustomer).collect(Collectors.toSet());
        Set<String> granted = claims.takeUntilCommit(customers);
        List<String> ids = work.entrySet().stream()
                .filter(entry -> !Applier.isCustomer(entry.getKey()) || granted.contains(entry.getKey()))
                .flatMap(entry -> entry.getValue().stream()).toList();
        locator.prefetch(granted);
        // Re-checked once locked: another node may have settled one while this waited for its lock.
        List<WebhookEvent> rows = new ArrayList<>(ids.isEmpty() ? List.of()
                : inbox.lockPending(ids).stream().filter(WebhookEvent::isPending).toList());
        rows.sort(Comparator.comparing((WebhookEvent row) -> row.customerId().orElse(""))
                .thenComparing(WebhookEvent::stripeCreatedAt).thenComparing(WebhookEvent::eventId));
        List<Publications.Due> recorded = new ArrayList<>();
        List<Settled> settled = new ArrayList<>();
        for (WebhookEvent row : rows) {
            boolean listed = row.awaitsRetry();
            Applied result = apply(row, fetched);
            Instant now = clock.instant();
            row.settle(result.outcome(), result.workspace() == null ? null : result.workspace().value(), result.detail(), now);
            settled.add(new Settled(row.type(), row.status(), Duration.between(row.receivedAt(), now)));
            if (listed || row.awaitsRetry()) {
                inbox.track(row);
            }
            result.events().forEach(fact -> recorded.addAll(publications.record(fact)));
        }
        return new Done(recorded, linked.all(), settled);
    }

    private Applied apply(WebhookEvent row, Map<String, Subscription> fetched) {
        Optional<EventHandler> handler = handlers.forType(row.type());
        if (handler.isEmpty()) {
            // Stored as received by a version that did not yet settle such types on arrival.
            return Applied.ignored(null, EventHandlers.notActedOn(row.type()));
        }
        TypedEvent event = typed(row, fetched);
        // A malformed id is never stored or written into a detail: the event is set aside, naming the field.
        return StripeIds.malformed(event.object())
                .map(field -> Applied.ignored(null, "The event's " + field + " is not a well-formed Stripe id."))
                .orElseGet(() -> handler.get().apply(event));
    }

    private static TypedEvent typed(WebhookEvent row, Map<String, Subscription> fetched) {
        StripeObject data = TypedEvent.read(Envelope.parse(row.payload()));
        if (data == null) {
            throw new IllegalStateException("Event " + row.eventId() + " of type " + row.type() + " carries an unexpected object.");
        }
        return new TypedEvent(row.eventId(), row.type(), row.stripeCreatedAt(), data, fetched);
    }
}
