package dev.portico.web.identity;

import dev.portico.web.error.ApiError;
import dev.portico.workspace.boundary.TokenClaims;
import dev.portico.workspace.boundary.Workspaces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the request's verified MP-JWT into a {@link Caller} and makes the workspace known the
 * first time a token names it. The token's signature, issuer and expiry were already checked by
 * the MP-JWT mechanism; a request without a token has no {@link JsonWebToken} principal.
 */
@ApplicationScoped
public class CallerResolver {

    @Inject
    Workspaces workspaces;

    public Caller resolve(SecurityContext security) {
        if (!(security.getUserPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
            throw ApiError.unauthenticated();
        }
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        Caller caller = new Caller(token.getSubject(), TokenClaims.string(token, "email"), TokenClaims.workspace(token), groups);
        caller.workspace().ifPresent(workspace ->
                workspaces.recognize(workspace, caller.isBillingAdmin() ? caller.email() : Optional.empty()));
        return caller;
    }
}
