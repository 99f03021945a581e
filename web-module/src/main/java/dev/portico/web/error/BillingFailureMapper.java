package dev.portico.web.error;

import dev.portico.billing.api.BillingFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps billing's refusals to HTTP: the module names the reason, the web layer picks the status. */
@Provider
public class BillingFailureMapper implements ExceptionMapper<BillingFailure> {

    @Override
    public Response toResponse(BillingFailure failure) {
        int status = switch (failure.reason()) {
            case INVALID_RETURN_URL, INVALID_FLOW -> 400;
            case NO_SUBSCRIPTION -> 409;
            case RATE_LIMITED -> 429;
            case STRIPE_ERROR -> 502;
            case STRIPE_UNAVAILABLE -> 503;
        };
        return ErrorBodies.response(new ApiError(status, failure.reason().name(), failure.getMessage(), failure.retryAfter()));
    }
}
