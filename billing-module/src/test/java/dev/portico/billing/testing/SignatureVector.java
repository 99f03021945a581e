package dev.portico.billing.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One known-good {@code Stripe-Signature} ({@code stripe/webhook-signature-test-vector.json}):
 * the header Stripe's scheme gives {@code customer.subscription.updated.json} at a fixed time.
 */
public record SignatureVector(String secret, Instant time, String header) {

    public static SignatureVector load() {
        try (InputStream in = SignatureVector.class.getResourceAsStream("/stripe/webhook-signature-test-vector.json")) {
            JsonObject vector = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            return new SignatureVector(vector.get("secret").getAsString(),
                    Instant.ofEpochSecond(vector.get("timestamp").getAsLong()), vector.get("stripe_signature_header").getAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
