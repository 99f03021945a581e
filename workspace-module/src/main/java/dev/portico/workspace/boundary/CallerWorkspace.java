package dev.portico.workspace.boundary;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.workspace.api.AccessRefused;
import dev.portico.workspace.api.GuardedWorkspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The workspace a guarded call acts for: the token's ({@code workspace_id} claim), and, when the
 * method names the workspace it acts on ({@link GuardedWorkspace}), that one must be it. Shared by
 * the guards ({@code @Guarded}, {@code @Entitled}).
 */
@ApplicationScoped
class CallerWorkspace {

    private static final int NO_PARAMETER = -1;
    /** Per method, the parameter that names its workspace: read once, not per call. */
    private static final Map<Method, Integer> TARGETS = new ConcurrentHashMap<>();

    @Inject
    SecurityContext security;

    /** The caller's workspace; refused without a token or a workspace, or for another workspace's resource. */
    WorkspaceId of(InvocationContext call) {
        WorkspaceId workspace = fromToken();
        int target = TARGETS.computeIfAbsent(call.getMethod(), CallerWorkspace::targetParameter);
        if (target != NO_PARAMETER && !workspace.value().equals(named(call.getParameters()[target]))) {
            throw AccessRefused.otherWorkspace();
        }
        return workspace;
    }

    private WorkspaceId fromToken() {
        JsonWebToken token = security.getPrincipalsByType(JsonWebToken.class).stream().findFirst()
                .orElseThrow(AccessRefused::noToken);
        return TokenClaims.workspace(token).orElseThrow(AccessRefused::noWorkspace);
    }

    private static String named(Object parameter) {
        return parameter instanceof WorkspaceId id ? id.value() : String.valueOf(parameter);
    }

    private static int targetParameter(Method method) {
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof GuardedWorkspace) {
                    return i;
                }
            }
        }
        return NO_PARAMETER;
    }
}
