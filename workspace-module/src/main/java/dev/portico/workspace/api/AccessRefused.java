package dev.portico.workspace.api;

import java.util.Objects;

/** A {@link Guarded} call the caller may not make, and why. */
public class AccessRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why: no verified token, a token without workspace, another workspace's resource, or billing. */
    public enum Kind { NO_TOKEN, NO_WORKSPACE, OTHER_WORKSPACE, BILLING }

    private final Kind kind;
    private final transient AccessDecision decision;

    private AccessRefused(Kind kind, String message, AccessDecision decision) {
        super(message, null, false, false);
        this.kind = kind;
        this.decision = decision;
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

    public Kind kind() {
        return kind;
    }

    /** The billing decision behind a {@link Kind#BILLING} refusal, else null. */
    public AccessDecision decision() {
        return decision;
    }
}
