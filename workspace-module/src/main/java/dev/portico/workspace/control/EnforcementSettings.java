package dev.portico.workspace.control;

import dev.portico.workspace.api.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enforcement's settings, checked at start-up so that a typo stops the deployment instead of
 * quietly granting or denying access: {@code portico.enforcement.grace} (ISO-8601, not negative),
 * {@code portico.enforcement.unsubscribed} ({@code read-only}, {@code full} or {@code none}) and
 * {@code portico.enforcement.cache-ttl} (how long a node trusts its cached copy without an event);
 * and what the node's per-workspace caches may hold: {@code portico.enforcement.cache-max-workspaces}
 * entries each (least recently used out), and the workspaces it recorded as known for
 * {@code portico.enforcement.cache-idle} since last seen.
 */
@ApplicationScoped
public class EnforcementSettings {

    private final AccessRule rule;
    private final Duration cacheTtl;
    private final long cacheMaxWorkspaces;
    private final Duration cacheIdle;

    @Inject
    public EnforcementSettings(@ConfigProperty(name = "portico.enforcement.grace") Duration grace,
                               @ConfigProperty(name = "portico.enforcement.unsubscribed") String unsubscribed,
                               @ConfigProperty(name = "portico.enforcement.cache-ttl") Duration cacheTtl,
                               @ConfigProperty(name = "portico.enforcement.cache-max-workspaces") long cacheMaxWorkspaces,
                               @ConfigProperty(name = "portico.enforcement.cache-idle") Duration cacheIdle) {
        if (grace.isNegative() || cacheTtl.isNegative()) {
            throw new IllegalArgumentException("portico.enforcement.grace and portico.enforcement.cache-ttl must not be negative.");
        }
        if (cacheMaxWorkspaces < 1 || cacheIdle.isNegative() || cacheIdle.isZero()) {
            throw new IllegalArgumentException("portico.enforcement.cache-max-workspaces must be at least 1"
                    + " and portico.enforcement.cache-idle positive.");
        }
        this.rule = new AccessRule(grace, access(unsubscribed));
        this.cacheTtl = cacheTtl;
        this.cacheMaxWorkspaces = cacheMaxWorkspaces;
        this.cacheIdle = cacheIdle;
    }

    /** For CDI's proxy. */
    protected EnforcementSettings() {
        this.rule = null;
        this.cacheTtl = null;
        this.cacheMaxWorkspaces = 0;
        this.cacheIdle = null;
    }

    void checkAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        rule();
    }

    public AccessRule rule() {
        return rule;
    }

    public Duration cacheTtl() {
        return cacheTtl;
    }

    public long cacheMaxWorkspaces() {
        return cacheMaxWorkspaces;
    }

    public Duration cacheIdle() {
        return cacheIdle;
    }

    static Access access(String wireName) {
        return Arrays.stream(Access.values()).filter(access -> access.wireName().equals(wireName.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("portico.enforcement.unsubscribed must be read-only,"
                        + " full or none, not '" + wireName + "'."));
    }
}
