package dev.portico.billing.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The event handlers, resolved once (looking them up per event showed in the applier's
 * throughput): which one applies a type, and whether Portico acts on a type at all, which the
 * inbox decides on arrival.
 */
@ApplicationScoped
public class EventHandlers {

    @Inject
    Instance<EventHandler> all;

    private List<EventHandler> handlers;

    /** Stripe's limit on the types one event listing filters by. */
    static final int MAX_LISTED_TYPES = 20;

    @PostConstruct
    void resolve() {
        handlers = all.stream().toList();
        if (recoveredTypes().size() > MAX_LISTED_TYPES) {
            throw new IllegalStateException("The catch-up would list " + recoveredTypes().size()
                    + " event types; Stripe takes at most " + MAX_LISTED_TYPES + ".");
        }
    }

    Optional<EventHandler> forType(String eventType) {
        return handlers.stream().filter(each -> each.handles(eventType)).findFirst();
    }

    /** The types the catch-up lists from Stripe's Events API, sorted (at most {@value #MAX_LISTED_TYPES}). */
    public List<String> recoveredTypes() {
        return handlers.stream().flatMap(each -> each.recoveredTypes().stream()).distinct().sorted().toList();
    }

    /** The handler of one type, for a resync that applies fetched objects by the same rules. */
    EventHandler of(String eventType) {
        return forType(eventType).orElseThrow(() -> new IllegalArgumentException("No handler of " + eventType));
    }

    boolean actsOn(String eventType) {
        return forType(eventType).isPresent();
    }

    static String notActedOn(String eventType) {
        return "Portico does not act on " + eventType + " events.";
    }
}
