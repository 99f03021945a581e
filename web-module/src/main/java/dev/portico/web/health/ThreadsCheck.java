package dev.portico.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive unless threads are deadlocked: a node in that state never recovers without a restart. */
@Liveness
@ApplicationScoped
public class ThreadsCheck implements HealthCheck {

    static final String NAME = "threads";

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        return HealthCheckResponse.named(NAME).status(deadlocked == null)
                .withData("deadlocked", deadlocked == null ? 0 : deadlocked.length).build();
    }
}
