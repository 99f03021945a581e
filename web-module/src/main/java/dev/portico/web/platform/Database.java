package dev.portico.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Defines Portico's one datasource and, at start-up, brings every module's tables up to date with
 * that module's own Flyway migrations ({@code db/migration/<module>}, history in
 * {@code <module>_schema_history}), so each module evolves its schema alone. The same scripts run
 * on Derby and PostgreSQL.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "dev.portico.web.datasource.PorticoDataSource",
        minPoolSize = 1,
        maxPoolSize = 32)
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/portico";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    private static final List<String> MODULES = List.of("billing", "workspace");

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        for (String module : MODULES) {
            MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + module)
                    .table(module + "_schema_history")
                    // The schema is shared: other modules' tables are no reason to skip our V1.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            LOG.info(() -> String.format("Schema of %s at version %s (%d migrations applied)",
                    module, result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion,
                    result.migrationsExecuted));
        }
    }
}
