package dev.portico.it.faults;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test only, never in the built EAR: {@code PUT /api/test/faults/{Listener}} makes the listener
 * class of that simple name fail on every call, {@code DELETE} heals it.
 */
@Path("test/faults/{listener}")
@PermitAll
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class FaultResource {

    @PUT
    public String fail(@PathParam("listener") String listener) {
        FaultInterceptor.FAILING.add(listener);
        return String.join(",", FaultInterceptor.FAILING);
    }

    @DELETE
    public String heal(@PathParam("listener") String listener) {
        FaultInterceptor.FAILING.remove(listener);
        return String.join(",", FaultInterceptor.FAILING);
    }
}
