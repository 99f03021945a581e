package dev.portico.web.error;

import dev.portico.workspace.api.AccessRefused;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Maps a {@code @Guarded} refusal to HTTP: 402 with the billing reason and the workspace's
 * {@code access} level; an {@code @Entitled} one to 402 {@code FEATURE_NOT_IN_PLAN} with the
 * feature and the plans that include it; 404 for another workspace's resource (as if it did not exist); 401 / 403
 * for a missing token or a token without workspace.
 */
@Provider
public class AccessRefusedMapper implements ExceptionMapper<AccessRefused> {


    @Override
    public Response toResponse(AccessRefused refused) {
        return switch (refused.kind()) {
            case NO_TOKEN -> ErrorBodies.response(ApiError.unauthenticated());
            case NO_WORKSPACE -> ErrorBodies.response(new ApiError(403, "NO_WORKSPACE", refused.getMessage()));
            case OTHER_WORKSPACE -> ErrorBodies.response(new ApiError(404, "NOT_FOUND", refused.getMessage()));
            case BILLING -> Response.status(402).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBodies.object(refused.decision().code(), refused.decision().message())
                            .add("access", refused.decision().access().wireName())
                            .build().toString())
                    .build();
            case FEATURE -> Response.status(402).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(FeatureJson.add(ErrorBodies.object(FeatureJson.FEATURE_NOT_IN_PLAN, refused.getMessage()),
                            refused.featureDecision()).build().toString())
                    .build();
        };
    }
}
