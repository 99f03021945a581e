package dev.portico.billing.boundary;

import java.util.List;
import java.util.Objects;

/**
 * A plan on offer: a Stripe price marked {@code metadata.portico_plan = true}, with its product.
 *
 * @param name        the product's name
 * @param description the product's description, or null
 * @param amount      per period, in the currency's minor units; null for a price without a fixed amount
 * @param interval    {@code day}, {@code week}, {@code month} or {@code year}
 * @param features    what the plan includes, as the keys {@code @Entitled} names: the product's
 *                    {@code metadata.portico_features}, comma-separated
 * @param highlights  the product's marketing features (Stripe's "Feature list"), the words a buyer reads
 */
public record OfferedPlan(String priceId, String productId, String name, String description, Long amount, String currency,
                          String interval, long intervalCount, List<String> features, List<String> highlights) {

    public OfferedPlan {
        Objects.requireNonNull(priceId);
        Objects.requireNonNull(name);
        features = List.copyOf(features);
        highlights = List.copyOf(highlights);
    }

    public boolean includes(String feature) {
        return features.contains(feature);
    }
}
