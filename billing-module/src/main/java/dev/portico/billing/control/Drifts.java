package dev.portico.billing.control;

import dev.portico.billing.entity.AccountState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Names the fields of a workspace's billing state that a resync changed: what was stored, what Stripe has. */
public final class Drifts {

    /** One field that differed: its value as stored and as Stripe has it (null: none). */
    public record Drift(String field, String stored, String stripe) {
    }

    private Drifts() {
    }

    /** The fields that differ between the state before and after the resync, in a fixed order. */
    public static List<Drift> between(AccountState before, Optional<String> failingBefore, AccountState after,
                                      Optional<String> failingAfter) {
        List<Drift> drift = new ArrayList<>();
        compare(drift, "subscription", before, after, AccountState::subscriptionId);
        compare(drift, "status", before, after, AccountState::status);
        compare(drift, "plan", before, after, AccountState::priceId);
        compare(drift, "currentPeriodEnd", before, after, AccountState::currentPeriodEnd);
        compare(drift, "cancelAtPeriodEnd", before, after, AccountState::cancelAtPeriodEnd);
        compare(drift, "cancelAt", before, after, AccountState::cancelAt);
        compare(drift, "endedAt", before, after, AccountState::endedAt);
        compare(drift, "defaultPaymentMethod", before, after, AccountState::defaultPaymentMethod);
        compare(drift, "email", before, after, AccountState::customerEmail);
        compare(drift, "name", before, after, AccountState::customerName);
        if (!failingBefore.equals(failingAfter)) {
            drift.add(new Drift("failingInvoice", failingBefore.orElse(null), failingAfter.orElse(null)));
        }
        return drift;
    }

    private static void compare(List<Drift> drift, String field, AccountState before, AccountState after,
                                Function<AccountState, Object> value) {
        Object stored = value.apply(before);
        Object stripe = value.apply(after);
        if (!Objects.equals(stored, stripe)) {
            drift.add(new Drift(field, text(stored), text(stripe)));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof Instant instant ? instant.toString() : value.toString();
    }
}
