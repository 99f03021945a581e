package dev.portico.billing.control;

import dev.portico.billing.api.BillingEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The listeners of billing's domain events: the CDI observer methods, in any module, of a
 * {@link BillingEvent} type, each named by its class and the type it observes. Collected as the
 * application deploys; two observers of one type in one class fail the deployment, since their
 * publications could not be told apart. Billing never fires its events through CDI: the
 * publication registry invokes each listener on its own, after billing's commit, in a transaction
 * of the listener's own, so an observer's {@code during} phase does not apply. Asynchronous
 * observers and observers with qualifiers are not listeners (billing's events carry none).
 *
 * <p>All of the application's modules must share one CDI container: Payara (6.2025.2 on) gives
 * each WAR of an EAR without EJB modules a container of its own, where Portico's modules would run
 * once per WAR, with caches of their own and listeners the registry never sees. A second container
 * fails the deployment, naming the setting that joins them.
 */
public class Listeners implements Extension {

    /** Setting (JVM option or deployment property) that gives an EAR's WARs one CDI container. */
    public static final String COMBINED_CDI = "fish.payara.ear-combined-cdi-deployment";
    /** CDI containers started with Portico's modules: one instance of this extension each. */
    private static final AtomicInteger CONTAINERS = new AtomicInteger();

    private final Map<String, ObserverMethod<?>> byName = new ConcurrentHashMap<>();
    private final Map<Class<?>, Map<String, ObserverMethod<?>>> byFact = new ConcurrentHashMap<>();

    <T, X> void collect(@Observes ProcessObserverMethod<T, X> found) {
        ObserverMethod<T> listener = found.getObserverMethod();
        if (!(listener.getObservedType() instanceof Class<?> observed) || !BillingEvent.class.isAssignableFrom(observed)
                || listener.isAsync() || !unqualified(listener)) {
            return;
        }
        if (byName.putIfAbsent(name(listener), listener) != null) {
            found.addDefinitionError(new IllegalStateException("Two observers of " + observed.getName() + " in "
                    + listener.getBeanClass().getName() + ": a class may observe each of billing's events once."));
        }
    }

    void count(@Observes BeforeBeanDiscovery starting) {
        CONTAINERS.incrementAndGet();
    }

    void oneContainer(@Observes AfterDeploymentValidation validated) {
        int containers = CONTAINERS.get();
        if (containers > 1) {
            validated.addDeploymentProblem(new IllegalStateException("Portico's modules were started in " + containers
                    + " CDI containers, one per WAR of the EAR; they must share one. On Payara Server, set the JVM"
                    + " option -D" + COMBINED_CDI + "=true (or deploy with --properties " + COMBINED_CDI + "=true)."));
        }
    }

    /** The listeners of this event, by name, in a stable order. */
    public Map<String, ObserverMethod<?>> of(BillingEvent fact) {
        return byFact.computeIfAbsent(fact.getClass(), type -> {
            Map<String, ObserverMethod<?>> matching = new LinkedHashMap<>();
            byName.entrySet().stream()
                    .filter(entry -> ((Class<?>) entry.getValue().getObservedType()).isAssignableFrom(type))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> matching.put(entry.getKey(), entry.getValue()));
            return Collections.unmodifiableMap(matching);
        });
    }

    /** Every listener's name. */
    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    /** The listener of that name, if it is still deployed. */
    @SuppressWarnings("unchecked")
    public Optional<ObserverMethod<BillingEvent>> named(String name) {
        return Optional.ofNullable((ObserverMethod<BillingEvent>) byName.get(name));
    }

    static String name(ObserverMethod<?> listener) {
        Type observed = listener.getObservedType();
        return listener.getBeanClass().getName() + "#" + ((Class<?>) observed).getSimpleName();
    }

    private static boolean unqualified(ObserverMethod<?> listener) {
        return listener.getObservedQualifiers().stream().map(Annotation::annotationType)
                .allMatch(type -> type == Default.class || type == Any.class);
    }
}
