package dev.portico.web;

import jakarta.annotation.security.PermitAll;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A liveness probe that touches nothing: for load balancers, and the benchmarks' baseline. */
@Path("health")
@PermitAll
public class HealthResource {

    private static final JsonObject UP = Jsons.object().add("status", "UP").build();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject health() {
        return UP;
    }
}
