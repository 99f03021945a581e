package dev.portico.workspace.boundary;

import dev.portico.billing.api.WorkspaceId;
import jakarta.json.JsonString;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What Portico reads from a verified MP-JWT besides its subject and groups. */
public final class TokenClaims {

    /** The claim naming the workspace (tenant) the token acts for. */
    public static final String WORKSPACE = "workspace_id";

    private TokenClaims() {
    }

    /** The token's workspace, when it names a well-formed one. */
    public static Optional<WorkspaceId> workspace(JsonWebToken token) {
        return string(token, WORKSPACE).filter(WorkspaceId::isValid).map(WorkspaceId::new);
    }

    /** A non-blank string claim (MP-JWT hands claims over as String or JSON-P values). */
    public static Optional<String> string(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString json) {
            value = json.getString();
        }
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }
}
