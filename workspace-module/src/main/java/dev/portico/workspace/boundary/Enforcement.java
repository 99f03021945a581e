package dev.portico.workspace.boundary;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.workspace.api.AccessDecision;
import dev.portico.workspace.control.EnforcementSettings;
import dev.portico.workspace.control.Standings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** A workspace's access now, by the enforcement rule, from workspace-module's cached copy of billing. */
@ApplicationScoped
public class Enforcement {

    @Inject
    Standings standings;

    @Inject
    EnforcementSettings settings;

    @Inject
    Clock clock;

    public AccessDecision decide(WorkspaceId workspace) {
        return settings.rule().decide(standings.of(workspace), clock.instant());
    }
}
