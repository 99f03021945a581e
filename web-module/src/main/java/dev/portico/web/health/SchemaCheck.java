package dev.portico.web.health;

import dev.portico.web.platform.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every module's schema holds all of this build's migrations and none failed; the
 * answer gives each module's version. A schema a later build migrated further is ready too.
 */
@Readiness
@ApplicationScoped
public class SchemaCheck implements HealthCheck {

    static final String NAME = "schema";

    @Inject
    Database database;

    @Override
    public HealthCheckResponse call() {
        Map<String, Database.SchemaState> schemas;
        try {
            schemas = database.schemas();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down().withData("error", "unreadable").build();
        }
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME)
                .status(schemas.values().stream().allMatch(Database.SchemaState::current));
        schemas.forEach((module, state) -> answer.withData(module, state.version()
                + (state.pending() > 0 ? " (" + state.pending() + " pending)" : "")
                + (state.failed() > 0 ? " (" + state.failed() + " failed)" : "")));
        return answer.build();
    }
}
