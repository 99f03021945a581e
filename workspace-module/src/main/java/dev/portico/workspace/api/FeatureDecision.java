package dev.portico.workspace.api;

import java.util.List;
import java.util.Objects;

/**
 * Whether a workspace's plan includes a feature now; {@code plans} are the plans on offer that
 * include it (cheapest first), for the caller to offer a switch.
 */
public record FeatureDecision(String feature, boolean included, String message, List<PlanOption> plans) {

    public FeatureDecision {
        Objects.requireNonNull(feature);
        Objects.requireNonNull(message);
        plans = List.copyOf(plans);
    }
}
