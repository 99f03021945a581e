package dev.portico.workspace.boundary;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.workspace.api.AccessDecision;
import dev.portico.workspace.api.AccessRefused;
import dev.portico.workspace.api.Guarded;
import dev.portico.workspace.api.GuardedWorkspace;
import dev.portico.workspace.api.Operation;
import dev.portico.workspace.control.GuardMetrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Enforces {@link Guarded}: the caller's workspace, its own resources only, and billing's verdict. */
@Guarded
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class GuardInterceptor {

    private static final int NO_PARAMETER = -1;
    /** Per method, what it does and which parameter names its workspace: read once, not per call. */
    private static final Map<Method, Plan> PLANS = new ConcurrentHashMap<>();

    private record Plan(Operation operation, int target) {
    }

    @Inject
    SecurityContext security;

    @Inject
    Enforcement enforcement;

    @Inject
    GuardMetrics metrics;

    @AroundInvoke
    Object guard(InvocationContext call) throws Exception {
        try {
            check(call);
        } catch (AccessRefused refusal) {
            metrics.refused(refusal);
            throw refusal;
        }
        return call.proceed();
    }

    private void check(InvocationContext call) {
        WorkspaceId workspace = callerWorkspace();
        Plan plan = PLANS.computeIfAbsent(call.getMethod(), GuardInterceptor::plan);
        if (plan.target() != NO_PARAMETER && !workspace.value().equals(named(call.getParameters()[plan.target()]))) {
            throw AccessRefused.otherWorkspace();
        }
        AccessDecision decision = enforcement.decide(workspace);
        if (!decision.allows(plan.operation())) {
            throw AccessRefused.byBilling(decision);
        }
    }

    private WorkspaceId callerWorkspace() {
        JsonWebToken token = security.getPrincipalsByType(JsonWebToken.class).stream().findFirst()
                .orElseThrow(AccessRefused::noToken);
        return TokenClaims.workspace(token).orElseThrow(AccessRefused::noWorkspace);
    }

    private static String named(Object parameter) {
        return parameter instanceof WorkspaceId id ? id.value() : String.valueOf(parameter);
    }

    private static Plan plan(Method method) {
        return new Plan(operation(method), targetParameter(method));
    }

    /**
     * The method's own {@link Guarded}, else its class's; should neither be readable (a binding
     * inherited through a stereotype, say), the stricter operation: fail closed.
     */
    private static Operation operation(Method method) {
        Guarded binding = method.getAnnotation(Guarded.class);
        if (binding == null) {
            binding = method.getDeclaringClass().getAnnotation(Guarded.class);
        }
        return binding == null ? Operation.WRITE : binding.value();
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
