package dev.portico.web.billing;

import dev.portico.billing.boundary.OfferedPlan;
import dev.portico.billing.boundary.PlanOffers;
import dev.portico.web.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Optional;

/** How the plans on offer read in JSON; amounts in the currency's minor units, as Stripe gives them. */
final class PlansJson {

    private PlansJson() {
    }

    static JsonObjectBuilder of(PlanOffers.Offer offer) {
        JsonArrayBuilder plans = Jsons.array();
        offer.plans().forEach(plan -> plans.add(plan(plan, offer.current().filter(plan.priceId()::equals).isPresent())));
        JsonObjectBuilder json = Jsons.object().add("plans", plans);
        Jsons.addOrNull(json, "current", offer.current().orElse(null));
        return json.add("pendingChange", pending(offer.pending()));
    }

    static JsonValue pending(Optional<PlanOffers.Pending> pending) {
        return pending.<JsonValue>map(change -> Jsons.addOrNull(Jsons.object().add("price", change.priceId())
                .add("name", change.name()), "at", change.at().orElse(null)).build()).orElse(JsonValue.NULL);
    }

    private static JsonObjectBuilder plan(OfferedPlan plan, boolean current) {
        JsonObjectBuilder json = Jsons.object().add("price", plan.priceId()).add("product", plan.productId())
                .add("name", plan.name());
        Jsons.addOrNull(json, "description", plan.description());
        if (plan.amount() == null) {
            json.addNull("amount");
        } else {
            json.add("amount", plan.amount());
        }
        Jsons.addOrNull(json, "currency", plan.currency());
        json.add("interval", plan.interval()).add("intervalCount", plan.intervalCount());
        JsonArrayBuilder features = Jsons.array();
        plan.features().forEach(features::add);
        JsonArrayBuilder highlights = Jsons.array();
        plan.highlights().forEach(highlights::add);
        return json.add("features", features).add("highlights", highlights).add("current", current);
    }
}
