package dev.portico.billing.control;

import java.util.Set;

/** Applies one family of Stripe events to billing state, inside the applier's transaction. */
interface EventHandler {

    /** The Stripe event types it applies; the catch-up lists exactly these from Stripe's Events API. */
    Set<String> types();

    default boolean handles(String eventType) {
        return types().contains(eventType);
    }

    Applied apply(TypedEvent event);
}
