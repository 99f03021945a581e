package dev.portico.workspace.control;

import dev.portico.billing.api.BillingStatus;
import dev.portico.billing.api.PlansOffered;
import dev.portico.workspace.api.Access;
import dev.portico.workspace.api.AccessDecision;
import dev.portico.workspace.api.FeatureDecision;
import dev.portico.workspace.api.PlanOption;
import java.util.List;
import java.util.Set;

/**
 * Whether a workspace's plan includes a feature: Stripe Entitlements' list when Stripe sent one
 * (Stripe itself ends a subscription's entitlements with it), else the features of the
 * subscription's plan while that plan is in force: a subscription, and access not ended.
 */
public final class FeatureRule {

    private FeatureRule() {
    }

    /**
     * @param planFeatures the features of the standing's plan ({@link PlanFeatures#of})
     * @param including    the plans on offer that include the feature
     */
    public static FeatureDecision decide(String feature, Standing standing, AccessDecision access, Set<String> planFeatures,
                                         List<PlansOffered.Plan> including) {
        boolean planInForce = !BillingStatus.NONE.equals(standing.status()) && access.access() != Access.NONE;
        Set<String> features = standing.entitlements() != null ? standing.entitlements()
                : planInForce ? planFeatures : Set.of();
        List<PlanOption> options = including.stream().map(plan -> new PlanOption(plan.priceId(), plan.name())).toList();
        if (features.contains(feature)) {
            return new FeatureDecision(feature, true, "The workspace's plan includes " + feature + ".", options);
        }
        String offer = options.isEmpty() ? "" : " It comes with " + String.join(", ",
                options.stream().map(PlanOption::name).toList()) + ".";
        return new FeatureDecision(feature, false, "The workspace's plan does not include " + feature + "." + offer, options);
    }
}
