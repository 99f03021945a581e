package dev.portico.it.faults;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;

/**
 * Test only, never in the built EAR: makes every Portico class with an observer method
 * {@link Faulty}, so that a test can make any listener fail ({@link FaultResource}) without a
 * line of production code knowing.
 */
public class FaultExtension implements Extension {

    <T> void markListeners(@Observes @WithAnnotations(Observes.class) ProcessAnnotatedType<T> type) {
        if (type.getAnnotatedType().getJavaClass().getName().startsWith("dev.portico.")
                && !Extension.class.isAssignableFrom(type.getAnnotatedType().getJavaClass())) {
            type.configureAnnotatedType().add(Faulty.Literal.INSTANCE);
        }
    }
}
