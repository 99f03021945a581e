package dev.portico.it.faults;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Test only: fails every call into a listener class whose simple name is switched on. */
@Faulty
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class FaultInterceptor {

    /** Public: the WAR's resource switches it, from another class loader. */
    public static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

    @AroundInvoke
    Object maybeFail(InvocationContext call) throws Exception {
        String listener = call.getMethod().getDeclaringClass().getSimpleName();
        if (FAILING.contains(listener)) {
            throw new IllegalStateException("Test fault: " + listener + " is switched to fail");
        }
        return call.proceed();
    }
}
