package dev.portico.web;

import dev.portico.web.identity.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Portico's API under {@code /api}, authenticated by MicroProfile JWT bearer tokens; every resource
 * method declares who may call it ({@link dev.portico.web.identity.DeclaredAccess}).
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.BILLING_ADMIN, Roles.OPERATOR})
public class PorticoApplication extends Application {
}
