package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portico.billing.entity.AccountState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Drift names each field a resync changed, with the stored value and Stripe's. */
class DriftsTest {

    private static final Instant END = Instant.parse("2027-01-01T00:00:00Z");

    private static AccountState state(String status, boolean cancelAtPeriodEnd, Instant periodEnd, String email) {
        return new AccountState("sub_1", status, "price_1", periodEnd, cancelAtPeriodEnd, null, null, null, null, "pm_1",
                email, "Jenny", null, null, null);
    }

    @Test
    void theSameStateHasNoDrift() {
        AccountState held = state("active", false, END, "a@example.com");

        assertEquals(List.of(), Drifts.between(held, Optional.empty(), held, Optional.empty()));
    }

    @Test
    void eachChangedFieldIsNamedWithBothValuesInAFixedOrder() {
        AccountState stored = state("active", false, END, "a@example.com");
        AccountState stripe = state("past_due", true, END.plusSeconds(86_400), "b@example.com");

        List<Drifts.Drift> drift = Drifts.between(stored, Optional.empty(), stripe, Optional.of("in_1"));

        assertEquals(List.of(
                new Drifts.Drift("status", "active", "past_due"),
                new Drifts.Drift("currentPeriodEnd", "2027-01-01T00:00:00Z", "2027-01-02T00:00:00Z"),
                new Drifts.Drift("cancelAtPeriodEnd", "false", "true"),
                new Drifts.Drift("email", "a@example.com", "b@example.com"),
                new Drifts.Drift("failingInvoice", null, "in_1")), drift);
    }

    @Test
    void aWorkspaceWithoutSubscriptionThatHasOneAtStripeDriftsFromNothing() {
        AccountState none = new AccountState(null, null, null, null, false, null, null, null, null, null, null, null, null,
                null, null);
        AccountState stripe = state("trialing", false, END, null);

        List<String> fields = Drifts.between(none, Optional.empty(), stripe, Optional.empty()).stream()
                .map(Drifts.Drift::field).toList();

        assertEquals(List.of("subscription", "status", "plan", "currentPeriodEnd", "defaultPaymentMethod", "name"), fields);
    }
}
