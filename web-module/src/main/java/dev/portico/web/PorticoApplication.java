package dev.portico.web;

import dev.portico.web.identity.Caller;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** Portico's API under {@code /api}, authenticated by MicroProfile JWT bearer tokens. */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles(Caller.BILLING_ADMIN)
public class PorticoApplication extends Application {
}
