package dev.portico.billing.control;

import java.util.Set;

/** Applies one family of Stripe events to billing state, inside the applier's transaction. */
interface EventHandler {

    /** The Stripe event types it applies. */
    Set<String> types();

    /**
     * Those the catch-up lists from Stripe's Events API when deliveries were missed: all of them
     * unless another listed type carries the same state. Stripe filters by at most 20 types.
     */
    default Set<String> recoveredTypes() {
        return types();
    }

    default boolean handles(String eventType) {
        return types().contains(eventType);
    }

    Applied apply(TypedEvent event);
}
