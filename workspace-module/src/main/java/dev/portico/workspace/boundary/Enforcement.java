package dev.portico.workspace.boundary;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.workspace.api.AccessDecision;
import dev.portico.workspace.api.FeatureDecision;
import dev.portico.workspace.control.EnforcementSettings;
import dev.portico.workspace.control.FeatureRule;
import dev.portico.workspace.control.PlanFeatures;
import dev.portico.workspace.control.Standing;
import dev.portico.workspace.control.Standings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * A workspace's access now, by the enforcement rule, and whether its plan includes a feature:
 * from workspace-module's cached copy of billing.
 */
@ApplicationScoped
public class Enforcement {

    @Inject
    Standings standings;

    @Inject
    EnforcementSettings settings;

    @Inject
    Clock clock;

    @Inject
    PlanFeatures plans;

    public AccessDecision decide(WorkspaceId workspace) {
        return settings.rule().decide(standings.of(workspace), clock.instant());
    }

    /** Whether the workspace's plan includes the feature now ({@link dev.portico.workspace.api.Entitled}'s rule). */
    public FeatureDecision entitled(WorkspaceId workspace, String feature) {
        Standing standing = standings.of(workspace);
        AccessDecision access = settings.rule().decide(standing, clock.instant());
        return FeatureRule.decide(feature, standing, access, plans.of(standing.priceId()), plans.including(feature));
    }
}
