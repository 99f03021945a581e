package dev.portico.billing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A card works through its expiry month; what it says of itself is kept only when well-formed. */
class PaymentMethodDetailsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aCardWorksUntilTheEndOfItsExpiryMonth() {
        PaymentMethodDetails card = new PaymentMethodDetails("pm_1", "card", "visa", "4242", 12, 2029, NOW);

        assertEquals(Optional.of(Instant.parse("2030-01-01T00:00:00Z")), card.expiresAt());
    }

    @Test
    void aMethodWithoutExpiryNeverExpiresAndOddDigitsAreDropped() {
        PaymentMethodDetails debit = new PaymentMethodDetails("pm_2", "sepa_debit", null, "12a4", 13, 2030, NOW);

        assertEquals(Optional.empty(), debit.expiresAt());
        assertEquals(Optional.empty(), debit.last4());
        assertEquals(Optional.empty(), debit.expMonth());
    }
}
