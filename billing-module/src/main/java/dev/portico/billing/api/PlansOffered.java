package dev.portico.billing.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The plans on offer as this node last read them from Stripe, and what each includes: fired (on
 * this node, synchronously) after every read that changed them, and in answer to
 * {@link PlansWanted}. Not a {@link BillingEvent}: nothing is stored or published; each node
 * reads Stripe itself, every {@code portico.plans.refresh-interval} and after a price or product event.
 */
public record PlansOffered(List<Plan> plans) {

    public PlansOffered {
        plans = List.copyOf(plans);
    }

    /** A plan: its Stripe price, its name, and the features it includes (the product's {@code portico_features}). */
    public record Plan(String priceId, String name, Set<String> features) {
        public Plan {
            Objects.requireNonNull(priceId);
            Objects.requireNonNull(name);
            features = Set.copyOf(features);
        }
    }
}
