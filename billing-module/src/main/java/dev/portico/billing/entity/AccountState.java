package dev.portico.billing.entity;

import dev.portico.billing.api.PlanPrice;
import java.time.Instant;

/**
 * A billing account's subscription-related state at one moment, for comparing before and after;
 * the last three are facts a transition announces, not compared.
 */
public record AccountState(String subscriptionId, String status, String priceId, Instant currentPeriodEnd,
                           boolean cancelAtPeriodEnd, Instant cancelAt, Instant endedAt, String cancellationReason,
                           String cancellationFeedback, String defaultPaymentMethod, String customerEmail,
                           String customerName, String cancellationComment, PlanPrice plan, Instant subscriptionCreatedAt) {

    public boolean isLive() {
        return "active".equals(status) || "trialing".equals(status);
    }
}
