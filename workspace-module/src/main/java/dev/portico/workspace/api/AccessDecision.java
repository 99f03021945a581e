package dev.portico.workspace.api;

import java.util.Objects;

/**
 * A workspace's access and why: {@code code} names the billing reason when access is less than
 * full (e.g. {@code PAYMENT_PAST_DUE}) and is null otherwise; {@code message} says it in words.
 */
public record AccessDecision(Access access, String code, String message) {

    public AccessDecision {
        Objects.requireNonNull(access);
        Objects.requireNonNull(message);
    }

    public static AccessDecision full(String message) {
        return new AccessDecision(Access.FULL, null, message);
    }

    public boolean allows(Operation operation) {
        return operation.allowedWith(access);
    }
}
