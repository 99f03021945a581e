package dev.portico.billing.control;

import dev.portico.billing.api.PlanPrice;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a price brings in per month, in its currency's minor units: the amount times the quantity,
 * spread over the period (a yearly price divided by 12, a quarterly one by 3; a week is 12/52 of a
 * month, a day 12/365), rounded half up. Unknown when Stripe did not give an amount or an interval.
 */
public final class MonthlyAmount {

    private MonthlyAmount() {
    }

    public static Long of(PlanPrice plan) {
        if (plan == null || plan.unitAmount() == null || plan.interval() == null) {
            return null;
        }
        BigDecimal perPeriod = BigDecimal.valueOf(plan.unitAmount())
                .multiply(BigDecimal.valueOf(plan.quantity() == null ? 1 : plan.quantity()));
        BigDecimal count = BigDecimal.valueOf(plan.intervalCount() == null || plan.intervalCount() < 1 ? 1 : plan.intervalCount());
        BigDecimal months = switch (plan.interval()) {
            case "month" -> count;
            case "year" -> count.multiply(BigDecimal.valueOf(12));
            case "week" -> count.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(52), 10, RoundingMode.HALF_UP);
            case "day" -> count.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(365), 10, RoundingMode.HALF_UP);
            default -> null;
        };
        return months == null ? null : perPeriod.divide(months, 0, RoundingMode.HALF_UP).longValueExact();
    }
}
