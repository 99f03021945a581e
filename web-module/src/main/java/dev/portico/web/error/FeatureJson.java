package dev.portico.web.error;

import dev.portico.web.Jsons;
import dev.portico.workspace.api.FeatureDecision;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** A feature decision in JSON: {@code feature}, {@code included}, and {@code plans} that include it ({@code price}, {@code name}). */
public final class FeatureJson {

    /** The error code of a feature the plan does not include. */
    public static final String FEATURE_NOT_IN_PLAN = "FEATURE_NOT_IN_PLAN";

    private FeatureJson() {
    }

    public static JsonObjectBuilder add(JsonObjectBuilder json, FeatureDecision decision) {
        JsonArrayBuilder plans = Jsons.array();
        decision.plans().forEach(plan -> plans.add(Jsons.object().add("price", plan.priceId()).add("name", plan.name())));
        return json.add("feature", decision.feature()).add("included", decision.included()).add("plans", plans);
    }
}
