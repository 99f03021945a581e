package dev.portico.billing.api;

/**
 * A subscription's price as Stripe last described it (its first item): what a cancellation gives up.
 *
 * @param unitAmount    in the currency's minor units (cents; yen for JPY); null when Stripe did not say
 * @param interval      {@code day}, {@code week}, {@code month} or {@code year}; null for a one-off price
 * @param intervalCount how many intervals one period lasts (a quarter: month × 3)
 * @param quantity      the item's quantity (seats); null when Stripe did not say
 */
public record PlanPrice(String priceId, String productId, Long unitAmount, String currency, String interval,
                        Long intervalCount, Long quantity) {
}
