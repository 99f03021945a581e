package dev.portico.web.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.PortalFlow;
import dev.portico.web.error.ApiError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortalSessionBodyTest {

    @Test
    void anEmptyOrNullBodyAsksForNothingSpecial() {
        PortalSessionBody none = new PortalSessionBody(Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(none, PortalSessionBody.parse(null));
        assertEquals(none, PortalSessionBody.parse("  "));
        assertEquals(none, PortalSessionBody.parse("{}"));
        assertEquals(none, PortalSessionBody.parse("{\"returnUrl\":null,\"flow\":null}"));
    }

    @Test
    void readsReturnUrlAndFlow() {
        assertEquals(new PortalSessionBody(Optional.of("https://a.example/"), Optional.of(PortalFlow.SUBSCRIPTION_UPDATE),
                        Optional.empty()),
                PortalSessionBody.parse("{\"returnUrl\":\"https://a.example/\",\"flow\":\"subscription_update\"}"));
    }

    @Test
    void readsThePlanASwitchGoesTo() {
        assertEquals(new PortalSessionBody(Optional.empty(), Optional.of(PortalFlow.SUBSCRIPTION_UPDATE_CONFIRM),
                        Optional.of("price_Pro")),
                PortalSessionBody.parse("{\"flow\":\"subscription_update_confirm\",\"price\":\"price_Pro\"}"));
        assertEquals("INVALID_REQUEST", assertThrows(ApiError.class, () -> PortalSessionBody.parse("{\"price\":7}")).code());
    }

    @Test
    void refusesWhatItCannotTrust() {
        assertEquals("INVALID_JSON", assertThrows(ApiError.class, () -> PortalSessionBody.parse("{")).code());
        assertEquals("INVALID_JSON", assertThrows(ApiError.class,
                () -> PortalSessionBody.parse("{\"flow\": " + "[".repeat(3000) + "]".repeat(3000) + "}")).code(), "too deep");
        assertEquals("INVALID_REQUEST", assertThrows(ApiError.class, () -> PortalSessionBody.parse("\"x\"")).code());
        assertEquals("INVALID_REQUEST", assertThrows(ApiError.class, () -> PortalSessionBody.parse("{\"flow\":1}")).code());
        assertEquals("INVALID_REQUEST",
                assertThrows(ApiError.class, () -> PortalSessionBody.parse("{\"workspaceId\":\"other\"}")).code());
        assertEquals(Reason.INVALID_FLOW,
                assertThrows(BillingFailure.class, () -> PortalSessionBody.parse("{\"flow\":\"PAYMENT_METHOD_UPDATE\"}")).reason());
    }
}
