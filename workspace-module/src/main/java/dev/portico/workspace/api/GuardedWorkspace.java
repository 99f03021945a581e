package dev.portico.workspace.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter (a {@code String} or {@code WorkspaceId}) of a {@link Guarded} method that
 * names the workspace the call acts on, e.g. {@code @PathParam("id")}. It must be the caller's own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface GuardedWorkspace {
}
