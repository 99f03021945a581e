package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import org.junit.jupiter.api.Test;

class StripeGatewayTest {

    @Test
    void outagesAreUnavailableAndRefusalsAreErrors() {
        assertEquals(Reason.STRIPE_UNAVAILABLE, StripeGateway.translate(new ApiConnectionException("reset")).reason());
        assertEquals(Reason.STRIPE_UNAVAILABLE,
                StripeGateway.translate(new RateLimitException("slow down", null, "req_1", "rate_limit", 429, null)).reason());
        assertEquals(Reason.STRIPE_UNAVAILABLE,
                StripeGateway.translate(new ApiException("boom", "req_1", null, 500, null)).reason());
        assertEquals(Reason.STRIPE_ERROR,
                StripeGateway.translate(new InvalidRequestException("No such customer", "customer", "req_1",
                        "resource_missing", 400, null)).reason());
        assertEquals(Reason.STRIPE_ERROR,
                StripeGateway.translate(new AuthenticationException("Invalid API Key provided: sk_test_****abcd",
                        "req_1", null, 401)).reason());
    }

    @Test
    void stripesOwnTextIsNeverPassedOn() {
        BillingFailure failure = StripeGateway.translate(new AuthenticationException(
                "Invalid API Key provided: sk_test_****abcd", "req_1", null, 401));

        assertFalse(failure.getMessage().contains("sk_test"));
        assertFalse(failure.getMessage().contains("Invalid API Key"));
    }
}
