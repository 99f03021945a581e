package dev.portico.workspace.control;

import dev.portico.billing.api.PlansOffered;
import dev.portico.billing.api.PlansWanted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What each plan on offer includes, as billing last announced it on this node
 * ({@link PlansOffered}: after each read of Stripe's prices, every
 * {@code portico.plans.refresh-interval} and after a price or product event). A node that has
 * heard nothing yet asks billing once, synchronously ({@link PlansWanted}); should Stripe be out
 * of reach then, billing's {@code STRIPE_UNAVAILABLE} travels up to the caller.
 */
@ApplicationScoped
public class PlanFeatures {

    @Inject
    Event<PlansWanted> wanted;

    private volatile List<PlansOffered.Plan> plans;

    void offered(@Observes PlansOffered offer) {
        plans = offer.plans();
    }

    /** The features of the plan with this price; empty for a price that is no plan on offer (or none). */
    public Set<String> of(String priceId) {
        return priceId == null ? Set.of()
                : held().stream().filter(plan -> plan.priceId().equals(priceId)).findFirst()
                        .map(PlansOffered.Plan::features).orElse(Set.of());
    }

    /** The plans on offer that include the feature, cheapest first. */
    public List<PlansOffered.Plan> including(String feature) {
        return held().stream().filter(plan -> plan.features().contains(feature)).toList();
    }

    private List<PlansOffered.Plan> held() {
        List<PlansOffered.Plan> now = plans;
        if (now == null) {
            wanted.fire(new PlansWanted());
            now = Optional.ofNullable(plans).orElse(List.of());
        }
        return now;
    }
}
