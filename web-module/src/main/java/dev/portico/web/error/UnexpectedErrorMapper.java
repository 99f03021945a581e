package dev.portico.web.error;

import dev.portico.web.http.RequestIds;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything unforeseen: a 500 with an incident id; the details go to the log only. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable error) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident + ", request "
                + RequestIds.current().orElse("-"), error);
        return ErrorBodies.response(new ApiError(500, "INTERNAL_ERROR",
                "Something went wrong on our side (incident " + incident + ")."));
    }
}
