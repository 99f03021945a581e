package dev.portico.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Defines Portico's one datasource and, at start-up, brings every module's tables up to date with
 * that module's own Flyway migrations ({@code db/migration/<module>}, history in
 * {@code <module>_schema_history}), so each module evolves its schema alone. The same scripts run
 * on Derby and PostgreSQL; the placeholder {@code ${bytes_type}} names their one differing type.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "dev.portico.web.datasource.PorticoDataSource",
        minPoolSize = 1,
        maxPoolSize = 32,
        // Validate pooled connections (at most every few seconds each), and drop them all when one
        // proves dead: after a database outage the pool heals instead of handing out broken ones.
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.validate-atmost-once-period-in-seconds=5",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true"
        })
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/portico";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    private static final List<String> MODULES = List.of("billing", "workspace", "notification");

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    /** Each module's migrations, configured once the database's kind is known. */
    private final Map<String, Flyway> migrations = new LinkedHashMap<>();

    @PostConstruct
    void migrate() {
        Map<String, String> placeholders = Map.of("bytes_type", isDerby() ? "BLOB" : "BYTEA");
        for (String module : MODULES) {
            Flyway flyway = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .placeholders(placeholders)
                    .locations("classpath:db/migration/" + module)
                    .table(module + "_schema_history")
                    // The schema is shared: other modules' tables are no reason to skip our V1.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load();
            MigrateResult result = flyway.migrate();
            migrations.put(module, flyway);
            LOG.info(() -> String.format("Schema of %s at version %s (%d migrations applied)",
                    module, result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion,
                    result.migrationsExecuted));
        }
    }

    /** Where a module's schema stands: the version applied last, and migrations this build has that the database lacks. */
    public record SchemaState(String version, int pending, int failed) {

        public boolean current() {
            return pending == 0 && failed == 0;
        }
    }

    /**
     * Each module's schema as the database holds it now (a database newer than this build, migrated
     * by a later node, is current: migrations only add). Throws when the database cannot be read.
     */
    @Lock(LockType.READ)
    public Map<String, SchemaState> schemas() {
        Map<String, SchemaState> states = new LinkedHashMap<>();
        migrations.forEach((module, flyway) -> {
            MigrationInfoService info = flyway.info();
            MigrationInfo current = info.current();
            int failed = (int) Arrays.stream(info.all()).filter(each -> each.getState().isFailed()).count();
            states.put(module, new SchemaState(current == null || current.getVersion() == null ? "none"
                    : current.getVersion().getVersion(), info.pending().length, failed));
        });
        return states;
    }

    /** Derby and PostgreSQL disagree on one type Portico needs: unbounded bytes (BLOB, BYTEA). */
    private boolean isDerby() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("derby");
        } catch (SQLException e) {
            throw new IllegalStateException("Portico's database cannot be reached", e);
        }
    }
}
