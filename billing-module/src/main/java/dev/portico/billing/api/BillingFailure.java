package dev.portico.billing.api;

import java.time.Duration;
import java.util.Objects;

/**
 * A request billing refuses or cannot complete. The reason is stable (clients switch on it); the
 * message is for humans and never holds secrets, Stripe's raw text or stack traces.
 */
public class BillingFailure extends RuntimeException {

    /** Why; the web layer maps each to an HTTP status. */
    public enum Reason {
        INVALID_RETURN_URL, INVALID_FLOW, NO_SUBSCRIPTION, RATE_LIMITED, STRIPE_ERROR, STRIPE_UNAVAILABLE,
        INVALID_SIGNATURE, INVALID_PAYLOAD, PAYLOAD_TOO_LARGE, WEBHOOK_NOT_CONFIGURED, STORE_UNAVAILABLE,
        EVENT_NOT_FOUND, NOT_RETRYABLE, NO_CUSTOMER, SYNC_BUSY, SWEEP_RUNNING, FLOW_NOT_ENABLED,
        INVALID_PLAN
    }

    private final Reason reason;
    private final Duration retryAfter;

    public BillingFailure(Reason reason, String message) {
        this(reason, message, null);
    }

    public BillingFailure(Reason reason, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason);
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** How long the client should wait before trying again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
