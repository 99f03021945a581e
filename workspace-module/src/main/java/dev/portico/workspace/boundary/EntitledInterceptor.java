package dev.portico.workspace.boundary;

import dev.portico.workspace.api.AccessRefused;
import dev.portico.workspace.api.Entitled;
import dev.portico.workspace.api.FeatureDecision;
import dev.portico.workspace.control.GuardMetrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces {@link Entitled}: the caller's workspace, its own resources only, and its plan's
 * features. Runs after {@code @Guarded} (a later priority), so a call refused by billing says so first.
 */
@Entitled
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class EntitledInterceptor {

    /** Per method, the feature it needs: read once, not per call. */
    private static final Map<Method, String> FEATURES = new ConcurrentHashMap<>();

    @Inject
    CallerWorkspace caller;

    @Inject
    Enforcement enforcement;

    @Inject
    GuardMetrics metrics;

    @AroundInvoke
    Object entitle(InvocationContext call) throws Exception {
        metrics.check(() -> check(call));
        return call.proceed();
    }

    private void check(InvocationContext call) {
        String feature = FEATURES.computeIfAbsent(call.getMethod(), EntitledInterceptor::feature);
        FeatureDecision decision = enforcement.entitled(caller.of(call), feature);
        if (!decision.included()) {
            throw AccessRefused.byPlan(decision);
        }
    }

    /**
     * The method's own {@link Entitled}, else its class's. A binding without a feature, or none
     * readable, names a feature no plan has: fail closed.
     */
    private static String feature(Method method) {
        Entitled binding = method.getAnnotation(Entitled.class);
        if (binding == null) {
            binding = method.getDeclaringClass().getAnnotation(Entitled.class);
        }
        return binding == null || binding.value().isBlank() ? "(unnamed feature)" : binding.value();
    }
}
