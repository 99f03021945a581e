package dev.portico.workspace.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A workspace's access and why: {@code code} names the billing reason when access is less than
 * full (e.g. {@code PAYMENT_PAST_DUE}) and is null otherwise; {@code message} says it in words;
 * {@code until} is when this access ends by the rule alone (a past-due workspace's grace, a
 * canceled one's read-only period), null when it lasts until billing changes.
 */
public record AccessDecision(Access access, String code, String message, Instant until) {

    public AccessDecision {
        Objects.requireNonNull(access);
        Objects.requireNonNull(message);
    }

    /** A decision that lasts until billing changes. */
    public AccessDecision(Access access, String code, String message) {
        this(access, code, message, null);
    }

    public static AccessDecision full(String message) {
        return new AccessDecision(Access.FULL, null, message);
    }

    public boolean allows(Operation operation) {
        return operation.allowedWith(access);
    }
}
