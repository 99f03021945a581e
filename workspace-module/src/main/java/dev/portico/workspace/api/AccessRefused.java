package dev.portico.workspace.api;

import java.util.Objects;

/** A {@link Guarded} call the caller may not make, and why. */
public class AccessRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Why: no verified token, a token without workspace, another workspace's resource, billing, or
     * a feature the plan does not include.
     */
    public enum Kind { NO_TOKEN, NO_WORKSPACE, OTHER_WORKSPACE, BILLING, FEATURE }

    private final Kind kind;
    private final transient AccessDecision decision;
    private final transient FeatureDecision feature;

    private AccessRefused(Kind kind, String message, AccessDecision decision) {
        this(kind, message, decision, null);
    }

    private AccessRefused(Kind kind, String message, AccessDecision decision, FeatureDecision feature) {
        super(message, null, false, false);
        this.kind = kind;
        this.decision = decision;
        this.feature = feature;
    }

    public static AccessRefused noToken() {
        return new AccessRefused(Kind.NO_TOKEN, "A valid bearer token is required.", null);
    }

    public static AccessRefused noWorkspace() {
        return new AccessRefused(Kind.NO_WORKSPACE, "The token names no workspace (claim workspace_id).", null);
    }

    /** Worded like a workspace that does not exist: a token must not learn whether another one does. */
    public static AccessRefused otherWorkspace() {
        return new AccessRefused(Kind.OTHER_WORKSPACE, "No such workspace.", null);
    }

    public static AccessRefused byBilling(AccessDecision decision) {
        return new AccessRefused(Kind.BILLING, Objects.requireNonNull(decision).message(), decision);
    }

    /** An {@link Entitled} call whose feature the workspace's plan does not include. */
    public static AccessRefused byPlan(FeatureDecision decision) {
        return new AccessRefused(Kind.FEATURE, Objects.requireNonNull(decision).message(), null, decision);
    }

    public Kind kind() {
        return kind;
    }

    /** The billing decision behind a {@link Kind#BILLING} refusal, else null. */
    public AccessDecision decision() {
        return decision;
    }

    /** The feature decision behind a {@link Kind#FEATURE} refusal, else null. */
    public FeatureDecision featureDecision() {
        return feature;
    }
}
