package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.testing.SignatureVector;
import dev.portico.billing.testing.StripeExamples;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Portico's verifier accepts the header Stripe's own scheme gives (a published-style test vector). */
class WebhookSignatureTest {

    private final SignatureVector vector = SignatureVector.load();
    private final byte[] body = StripeExamples.text("customer.subscription.updated").getBytes(StandardCharsets.UTF_8);

    @Test
    void theTestVectorVerifies() {
        assertDoesNotThrow(() -> verifier("whsec_other," + vector.secret(), Duration.ofMinutes(5)).verify(body, vector.header()));
    }

    @Test
    void aChangedBodyOrAnOldTimestampDoesNot() {
        byte[] changed = (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);

        assertEquals(Reason.INVALID_SIGNATURE, assertThrows(BillingFailure.class,
                () -> verifier(vector.secret(), Duration.ofMinutes(5)).verify(changed, vector.header())).reason());
        WebhookSignature later = new WebhookSignature(Optional.of(vector.secret()), Duration.ofMinutes(5),
                Clock.fixed(vector.time().plus(Duration.ofMinutes(6)), ZoneOffset.UTC));
        assertEquals(Reason.INVALID_SIGNATURE, assertThrows(BillingFailure.class, () -> later.verify(body, vector.header())).reason());
    }

    private WebhookSignature verifier(String secrets, Duration tolerance) {
        return new WebhookSignature(Optional.of(secrets), tolerance, Clock.fixed(vector.time(), ZoneOffset.UTC));
    }
}
