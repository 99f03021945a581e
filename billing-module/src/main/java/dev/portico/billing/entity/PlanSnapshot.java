package dev.portico.billing.entity;

/**
 * The price of a subscription's first item as an event carried it, and the item's quantity.
 *
 * @param unitAmount in the currency's minor units (cents; yen for JPY), null for prices without one
 * @param interval   {@code day}, {@code week}, {@code month} or {@code year}; null for a one-off price
 */
public record PlanSnapshot(Long unitAmount, String currency, String interval, Long intervalCount, String nickname,
                           String lookupKey, Long quantity) {
}
