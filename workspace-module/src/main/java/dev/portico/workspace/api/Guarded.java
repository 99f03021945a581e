package dev.portico.workspace.api;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards a CDI bean method (a JAX-RS resource method, say) by the caller's workspace billing: the
 * workspace comes from the request's MP-JWT ({@code workspace_id} claim), the decision from the
 * billing state workspace-module keeps. A refused call throws {@link AccessRefused}; the web layer
 * answers it with HTTP 402 and the error code. When the method also names the workspace it acts
 * on (a parameter marked {@link GuardedWorkspace}), a token of another workspace is refused as if
 * the workspace did not exist.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Guarded {

    /** What the call does: reading needs read-only access, writing needs full access. */
    @Nonbinding
    Operation value() default Operation.READ;
}
