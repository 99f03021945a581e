package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.portico.billing.api.PlanPrice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A price's monthly equivalent: amount times seats, spread over its period, in minor units. */
class MonthlyAmountTest {

    @ParameterizedTest(name = "{0} per {2} x{3}, {1} seats -> {4}")
    @CsvSource({
        "2000, 1, month, 1, 2000",
        "2000, 3, month, 1, 6000",
        "36000, 1, year, 1, 3000",
        "1000, 1, year, 1, 83",
        "9000, 1, month, 3, 3000",
        "1200, 1, week, 1, 5200",
        "100, 1, day, 1, 3042"
    })
    void spreadsTheAmountOverTheMonthsOfItsPeriod(long amount, long seats, String interval, long count, long monthly) {
        assertEquals(monthly, MonthlyAmount.of(new PlanPrice("price_1", "prod_1", amount, "usd", interval, count, seats)));
    }

    @Test
    void oneSeatWhenStripeSaysNoneAndUnknownWithoutAmountOrInterval() {
        assertEquals(2000L, MonthlyAmount.of(new PlanPrice("price_1", null, 2000L, "usd", "month", 1L, null)));
        assertNull(MonthlyAmount.of(new PlanPrice("price_1", null, null, "usd", "month", 1L, 1L)));
        assertNull(MonthlyAmount.of(new PlanPrice("price_1", null, 2000L, "usd", null, null, 1L)));
        assertNull(MonthlyAmount.of(null));
    }
}
