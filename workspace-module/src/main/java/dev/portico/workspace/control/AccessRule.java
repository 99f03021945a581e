package dev.portico.workspace.control;

import dev.portico.billing.api.BillingStatus;
import dev.portico.workspace.api.Access;
import dev.portico.workspace.api.AccessDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The enforcement table: billing state and time in, access out. Grace extends full access after a
 * payment starts failing ({@code past_due}, counted from the first event that said so), and
 * read-only access after a canceled subscription's paid period (counted from the period end, or
 * from the cancellation when Stripe names no period).
 */
public final class AccessRule {

    private final Duration grace;
    private final Access unsubscribed;

    public AccessRule(Duration grace, Access unsubscribed) {
        this.grace = Objects.requireNonNull(grace);
        this.unsubscribed = Objects.requireNonNull(unsubscribed);
    }

    public AccessDecision decide(Standing standing, Instant now) {
        return switch (standing.status()) {
            case "active" -> AccessDecision.full("The subscription is active.");
            case "trialing" -> AccessDecision.full("The subscription is in its trial.");
            case "past_due" -> pastDue(standing, now);
            case "incomplete" -> new AccessDecision(Access.READ_ONLY, "SUBSCRIPTION_INCOMPLETE",
                    "The subscription's first payment is not complete: the workspace is read-only until it is.");
            case "paused" -> new AccessDecision(Access.READ_ONLY, "SUBSCRIPTION_PAUSED",
                    "The subscription is paused: the workspace is read-only until it resumes.");
            case "canceled" -> canceled(standing, now);
            case "unpaid" -> new AccessDecision(Access.NONE, "SUBSCRIPTION_UNPAID",
                    "The subscription is unpaid: every payment attempt failed. Pay the open invoice to restore access.");
            case "incomplete_expired" -> new AccessDecision(Access.NONE, "SUBSCRIPTION_EXPIRED",
                    "The subscription's first payment was never completed.");
            case BillingStatus.NONE -> new AccessDecision(unsubscribed, unsubscribed == Access.FULL ? null : "NO_SUBSCRIPTION",
                    "The workspace has no subscription yet.");
            // A status Stripe may add one day: neither open the doors nor lock anyone out.
            default -> new AccessDecision(Access.READ_ONLY, "SUBSCRIPTION_INACTIVE",
                    "The subscription is " + standing.status() + ": the workspace is read-only.");
        };
    }

    private AccessDecision pastDue(Standing standing, Instant now) {
        if (standing.statusSince() != null && now.isBefore(standing.statusSince().plus(grace))) {
            Instant graceEnds = standing.statusSince().plus(grace);
            return new AccessDecision(Access.FULL, null, "A payment is failing; full access continues until " + graceEnds + ".",
                    graceEnds);
        }
        return new AccessDecision(Access.READ_ONLY, "PAYMENT_PAST_DUE",
                "A payment is failing: the workspace is read-only until it is paid.");
    }

    private AccessDecision canceled(Standing standing, Instant now) {
        Instant paidUntil = standing.currentPeriodEnd() != null ? standing.currentPeriodEnd() : standing.statusSince();
        Instant readableUntil = paidUntil == null ? null : paidUntil.plus(grace);
        if (readableUntil != null && now.isBefore(readableUntil)) {
            return new AccessDecision(Access.READ_ONLY, "SUBSCRIPTION_CANCELED",
                    "The subscription was canceled: the workspace is read-only until " + readableUntil + ".", readableUntil);
        }
        return new AccessDecision(Access.NONE, "SUBSCRIPTION_EXPIRED",
                readableUntil == null ? "The subscription was canceled." : "The subscription ended on " + readableUntil + ".");
    }
}
