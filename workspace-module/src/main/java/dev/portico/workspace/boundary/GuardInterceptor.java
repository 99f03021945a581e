package dev.portico.workspace.boundary;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.workspace.api.AccessDecision;
import dev.portico.workspace.api.AccessRefused;
import dev.portico.workspace.api.Guarded;
import dev.portico.workspace.api.Operation;
import dev.portico.workspace.control.GuardMetrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Enforces {@link Guarded}: the caller's workspace, its own resources only, and billing's verdict. */
@Guarded
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class GuardInterceptor {

    /** Per method, what it does: read once, not per call. */
    private static final Map<Method, Operation> OPERATIONS = new ConcurrentHashMap<>();

    @Inject
    CallerWorkspace caller;

    @Inject
    Enforcement enforcement;

    @Inject
    GuardMetrics metrics;

    @AroundInvoke
    Object guard(InvocationContext call) throws Exception {
        metrics.check(() -> check(call));
        return call.proceed();
    }

    private void check(InvocationContext call) {
        WorkspaceId workspace = caller.of(call);
        AccessDecision decision = enforcement.decide(workspace);
        if (!decision.allows(OPERATIONS.computeIfAbsent(call.getMethod(), GuardInterceptor::operation))) {
            throw AccessRefused.byBilling(decision);
        }
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
}
