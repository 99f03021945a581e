package dev.portico.billing.control;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.entity.WebhookEvent.Arrival;
import dev.portico.billing.entity.WebhookEvent.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads, page by page, the events Stripe's Events API lists of the types Portico acts on and
 * puts each into the inbox exactly as a delivery would be: deduplicated by id (an event held
 * already, however it came, changes nothing), then applied by the applier under the same rules
 * and with the same publications. Stripe lists newest first; each page is stored oldest first.
 */
@ApplicationScoped
public class CatchUp {

    private static final Logger LOG = Logger.getLogger(CatchUp.class.getName());

    @Inject
    StripeReads stripe;

    @Inject
    EventHandlers handlers;

    @Inject
    Inbox inbox;

    @Inject
    InboxWriter writer;

    @Inject
    Applier applier;

    /** One page's worth: its last event (where paging goes on), how many were listed, new, malformed. */
    public record Page(Optional<String> lastEventId, int listed, int recovered, int malformed, boolean hasMore) {
    }

    /** Lists and stores the page after {@code cursor} of the events created since {@code since}. */
    public Page next(Instant since, Optional<String> cursor) throws InterruptedException {
        StripeReads.EventPage page = stripe.events(handlers.recoveredTypes(), since, cursor);
        List<Inbox.Arriving> arriving = new ArrayList<>();
        int malformed = 0;
        for (String json : page.events()) {
            try {
                Envelope event = Envelope.parse(json);
                arriving.add(0, new Inbox.Arriving(event, json.getBytes(StandardCharsets.UTF_8), Arrival.CATCH_UP));
            } catch (BillingFailure invalid) {
                malformed++;
                LOG.warning(() -> "Stripe's Events API listed an event Portico cannot read: " + invalid.getMessage());
            }
        }
        List<Inbox.Stored> stored = store(arriving);
        List<Inbox.Waiting> recovered = stored.stream().filter(each -> !each.duplicate() && each.status() == Status.RECEIVED)
                .map(each -> new Inbox.Waiting(each.eventId(), each.customerId())).toList();
        applier.offer(recovered);
        return new Page(page.lastId(), page.events().size(), (int) stored.stream().filter(each -> !each.duplicate()).count(),
                malformed, page.hasMore() && page.lastId().isPresent());
    }

    /**
     * The page in one transaction, looking for events held first; when the database refuses it
     * (a delivery of one of them stored at this very moment), event by event, as the intake does.
     */
    private List<Inbox.Stored> store(List<Inbox.Arriving> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        try {
            return inbox.storeAll(events, true);
        } catch (RuntimeException raced) {
            return events.stream().map(each -> writer.store(each.event(), each.payload(), each.arrival())).toList();
        }
    }
}
