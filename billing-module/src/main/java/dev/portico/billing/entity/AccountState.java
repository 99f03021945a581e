package dev.portico.billing.entity;

import java.time.Instant;

/** A billing account's subscription-related state at one moment, for comparing before and after. */
public record AccountState(String subscriptionId, String status, String priceId, Instant currentPeriodEnd,
                           boolean cancelAtPeriodEnd, Instant cancelAt, Instant endedAt, String cancellationReason,
                           String cancellationFeedback, String defaultPaymentMethod, String customerEmail,
                           String customerName) {

    public boolean isLive() {
        return "active".equals(status) || "trialing".equals(status);
    }
}
