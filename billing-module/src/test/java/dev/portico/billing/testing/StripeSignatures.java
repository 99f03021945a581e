package dev.portico.billing.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs a webhook body as Stripe does: {@code t=<unix>,v1=hex(HMAC-SHA256(secret, "<t>.<body>"))}. */
public final class StripeSignatures {

    private StripeSignatures() {
    }

    /** The {@code Stripe-Signature} header for {@code body} sent at {@code time}. */
    public static String header(byte[] body, Instant time, String secret) {
        long t = time.getEpochSecond();
        return "t=" + t + ",v1=" + v1(secret, t, body);
    }

    /** The hex HMAC-SHA256 of {@code "<timestamp>.<body>"} under {@code secret}. */
    public static String v1(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
