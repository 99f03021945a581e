package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReturnUrlPolicyTest {

    private final ReturnUrlPolicy policy =
            new ReturnUrlPolicy("https://app.example.com/billing/return", " app.example.com , Localhost ,");

    @Test
    void absentReturnUrlMeansTheDefault() {
        assertEquals("https://app.example.com/billing/return", policy.resolve(Optional.empty()));
    }

    @Test
    void allowedHostsPassWhateverTheirCaseOrPort() {
        assertTrue(policy.isAllowed("https://app.example.com/settings?tab=billing#top"));
        assertTrue(policy.isAllowed("HTTP://APP.EXAMPLE.COM:8443/x"));
        assertTrue(policy.isAllowed("http://localhost:8080/billing/return"));
    }

    @Test
    void anythingElseIsRefused() {
        for (String url : new String[] {
                "https://evil.com/", "//app.example.com/x", "/relative", "javascript:alert(1)",
                "https://app.example.com@evil.com/", "https://user@app.example.com/", "https://evil.com\\@app.example.com",
                "https://app.example.com.evil.com/", "ftp://app.example.com/", "https://app.example.com/a b",
                "https://app.example.com/\n", "https://[::1]/", "mailto:a@app.example.com", ""}) {
            assertFalse(policy.isAllowed(url), url);
        }
        assertFalse(policy.isAllowed("https://app.example.com/" + "a".repeat(ReturnUrlPolicy.MAX_LENGTH)));
    }

    @Test
    void aRefusedUrlIsAnInvalidReturnUrlFailure() {
        BillingFailure failure = assertThrows(BillingFailure.class, () -> policy.resolve(Optional.of("https://evil.com/")));
        assertEquals(Reason.INVALID_RETURN_URL, failure.reason());
    }
}
