package dev.portico.billing.entity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a subscription schedule event said will change: the price of the phase after the current
 * one and when it starts. Stripe's portal keeps a downgrade "at the period end" this way. Empty
 * when nothing is scheduled (the schedule was released, canceled, completed, or has no next phase).
 */
public record ScheduleSnapshot(String subscriptionId, Optional<String> pendingPriceId, Optional<Instant> pendingAt) {

    public ScheduleSnapshot {
        Objects.requireNonNull(subscriptionId, "The schedule's subscription is required.");
        Objects.requireNonNull(pendingPriceId);
        Objects.requireNonNull(pendingAt);
    }
}
