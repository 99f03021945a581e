package com.example.projects.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The product's tables, migrated at start-up the way Portico migrates each of its modules: its own
 * scripts ({@code db/migration/projects}) and its own history table, in Portico's datasource.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class ProjectsSchema {

    private static final Logger LOG = Logger.getLogger(ProjectsSchema.class.getName());

    @Resource(lookup = "java:app/jdbc/portico")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        int applied = Flyway.configure(ProjectsSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/projects")
                .table("projects_schema_history")
                // The schema is shared with Portico: its tables are no reason to skip our V1.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate().migrationsExecuted;
        LOG.info(() -> "Projects schema migrated (" + applied + " migrations applied)");
    }
}
