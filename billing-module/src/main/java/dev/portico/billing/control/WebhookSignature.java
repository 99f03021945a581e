package dev.portico.billing.control;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies {@code Stripe-Signature} over the raw body bytes exactly as Stripe signs it:
 * {@code v1 = hex(HMAC-SHA256(secret, "<t>.<body>"))}. Any configured secret may match (a comma
 * list in {@code stripe.webhook.secret} lets a secret be rotated), and {@code t} must lie within
 * {@code portico.webhook.tolerance} of now, so a captured delivery cannot be replayed later.
 */
@ApplicationScoped
public class WebhookSignature {

    private final List<byte[]> secrets;
    private final Duration tolerance;
    private final Clock clock;

    @Inject
    public WebhookSignature(@ConfigProperty(name = "stripe.webhook.secret") Optional<String> secrets,
                            @ConfigProperty(name = "portico.webhook.tolerance") Duration tolerance, Clock clock) {
        this.secrets = configured(secrets).stream().map(secret -> secret.getBytes(StandardCharsets.UTF_8)).toList();
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** The secrets {@code stripe.webhook.secret} lists (comma-separated, so one can be rotated), first the current one. */
    static List<String> configured(Optional<String> secrets) {
        return secrets.stream().flatMap(list -> Arrays.stream(list.split(","))).map(String::trim)
                .filter(secret -> !secret.isEmpty()).toList();
    }

    WebhookSignature() {
        // for CDI proxies
        this(Optional.empty(), Duration.ZERO, null);
    }

    public void verify(byte[] body, String header) {
        if (secrets.isEmpty()) {
            throw new BillingFailure(Reason.WEBHOOK_NOT_CONFIGURED, "Webhooks are not configured on this server.");
        }
        if (header == null || header.isBlank()) {
            throw invalid("The Stripe-Signature header is missing.");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t") && value.matches("\\d{1,12}")) {
                timestamp = Long.parseLong(value);
            } else if (key.equals("v1") && value.matches("[0-9a-fA-F]{64}")) {
                signatures.add(HexFormat.of().parseHex(value));
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw invalid("The Stripe-Signature header has no timestamp or no v1 signature.");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(timestamp), clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            throw invalid("The signature's timestamp is outside the tolerance.");
        }
        for (byte[] secret : secrets) {
            byte[] expected = hmac(secret, timestamp, body);
            for (byte[] signature : signatures) {
                if (MessageDigest.isEqual(expected, signature)) {
                    return;
                }
            }
        }
        throw invalid("No signature matches.");
    }

    private static byte[] hmac(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static BillingFailure invalid(String message) {
        return new BillingFailure(Reason.INVALID_SIGNATURE, message);
    }
}
