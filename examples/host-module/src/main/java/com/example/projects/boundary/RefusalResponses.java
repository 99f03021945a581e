package com.example.projects.boundary;

import dev.portico.workspace.api.AccessRefused;
import dev.portico.workspace.api.FeatureDecision;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * How the product answers a call Portico's guard refused. Each WAR maps {@link AccessRefused} itself
 * (Portico's mappers serve Portico's WAR only); this one keeps Portico's codes and statuses: 402
 * with the billing code and access level, 402 {@code FEATURE_NOT_IN_PLAN} with the plans that
 * include the feature, 404 for another workspace, 401 and 403 for the token.
 */
@Provider
public class RefusalResponses implements ExceptionMapper<AccessRefused> {

    @Override
    public Response toResponse(AccessRefused refused) {
        return switch (refused.kind()) {
            case NO_TOKEN -> respond(401, body("UNAUTHENTICATED", refused.getMessage()));
            case NO_WORKSPACE -> respond(403, body("NO_WORKSPACE", refused.getMessage()));
            case OTHER_WORKSPACE -> respond(404, body("NOT_FOUND", refused.getMessage()));
            case BILLING -> respond(402, body(refused.decision().code(), refused.decision().message())
                    .add("access", refused.decision().access().wireName()));
            case FEATURE -> respond(402, feature(refused.featureDecision()));
        };
    }

    /** An {@code @Entitled} refusal: the feature, and the plans that include it (an upgrade offer). */
    private static JsonObjectBuilder feature(FeatureDecision decision) {
        JsonArrayBuilder plans = Json.createArrayBuilder();
        decision.plans().forEach(plan -> plans.add(Json.createObjectBuilder().add("price", plan.priceId())
                .add("name", plan.name())));
        return body("FEATURE_NOT_IN_PLAN", decision.message()).add("feature", decision.feature())
                .add("included", false).add("plans", plans);
    }

    static JsonObjectBuilder body(String code, String message) {
        return Json.createObjectBuilder().add("error", code).add("message", message);
    }

    static Response respond(int status, JsonObjectBuilder body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.build().toString()).build();
    }
}
