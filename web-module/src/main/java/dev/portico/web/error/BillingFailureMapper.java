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
            case INVALID_RETURN_URL, INVALID_FLOW, INVALID_SIGNATURE, INVALID_PAYLOAD, FLOW_NOT_ENABLED, INVALID_PLAN -> 400;
            case EVENT_NOT_FOUND -> 404;
            case NO_SUBSCRIPTION, NOT_RETRYABLE, NO_CUSTOMER, SYNC_BUSY, SWEEP_RUNNING -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case RATE_LIMITED -> 429;
            case STRIPE_ERROR -> 502;
            case STRIPE_UNAVAILABLE, WEBHOOK_NOT_CONFIGURED, STORE_UNAVAILABLE -> 503;
        };
        return ErrorBodies.response(new ApiError(status, failure.reason().name(), failure.getMessage(), failure.retryAfter()));
    }
}
