package dev.portico.billing.control;

/** Applies one family of Stripe events to billing state, inside the applier's transaction. */
interface EventHandler {

    boolean handles(String eventType);

    Applied apply(TypedEvent event);
}
