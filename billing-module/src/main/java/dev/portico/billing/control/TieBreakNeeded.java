package dev.portico.billing.control;

/**
 * Two different snapshots of a subscription from the same second: only Stripe can say which is
 * current. Thrown inside the applier's transaction (undoing it), so that Stripe is asked outside
 * any transaction and row lock, while the customer's claim is held.
 */
public class TieBreakNeeded extends RuntimeException {

    private final String eventId;
    private final String subscriptionId;

    public TieBreakNeeded(String eventId, String subscriptionId) {
        super("Event " + eventId + " ties with the snapshot held of " + subscriptionId, null, false, false);
        this.eventId = eventId;
        this.subscriptionId = subscriptionId;
    }

    public String eventId() {
        return eventId;
    }

    public String subscriptionId() {
        return subscriptionId;
    }
}
