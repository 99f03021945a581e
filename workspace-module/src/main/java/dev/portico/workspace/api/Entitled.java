package dev.portico.workspace.api;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards a CDI bean method by what the caller's workspace's plan includes: allowed when its
 * feature set holds {@link #value()}, else {@link AccessRefused} of kind {@code FEATURE} (HTTP 402
 * {@code FEATURE_NOT_IN_PLAN}, naming the plans that include it). The feature set is Stripe
 * Entitlements' list for the workspace where the account uses it, else the features of the
 * subscription's plan (its product's {@code metadata.portico_features}); a workspace without a
 * plan in force (none, or access ended) has none. Billing status is {@link Guarded}'s business:
 * use both where both matter. The workspace comes from the token, and a {@link GuardedWorkspace}
 * parameter naming another one is refused as if it did not exist.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Entitled {

    /** The feature's key, e.g. {@code exports}. */
    @Nonbinding
    String value() default "";
}
