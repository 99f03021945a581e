package com.example.projects;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The product's API under {@code /projects/api} (the WAR's context root is set in the EAR), with the
 * same bearer tokens as Portico's: MicroProfile JWT, configured once for the whole EAR.
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
public class ProjectsApplication extends Application {
}
