package dev.portico.it.clock;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * Test only, never in the built EAR: lets a test set the server's clock
 * ({@code PUT /api/test/clock} with an ISO-8601 instant) and reset it ({@code DELETE}).
 */
@Path("test/clock")
@PermitAll
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ClockResource {

    @Inject
    ControlledClock clock;

    @GET
    public String now() {
        return clock.now().toString();
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public String set(String instant) {
        clock.set(Instant.parse(instant.strip()));
        return now();
    }

    @DELETE
    public String reset() {
        clock.reset();
        return now();
    }
}
