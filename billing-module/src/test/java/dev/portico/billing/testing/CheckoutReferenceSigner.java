package dev.portico.billing.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a Checkout {@code client_reference_id} as Portico does (written again from the README's
 * description, not shared with the server's code, so each checks the other):
 * {@code pw1_<hex(workspace)>_<issued>_<hex of the first 16 bytes of HMAC-SHA256(key, "pw1|workspace|issued")>},
 * {@code key = HMAC-SHA256(webhook secret, "portico checkout reference")}.
 */
public final class CheckoutReferenceSigner {

    private CheckoutReferenceSigner() {
    }

    /** The reference for {@code workspace}, issued at {@code issued}, under the webhook secret. */
    public static String sign(String webhookSecret, String workspace, Instant issued) {
        long at = issued.getEpochSecond();
        byte[] key = hmac(webhookSecret.getBytes(StandardCharsets.UTF_8), "portico checkout reference");
        byte[] mac = Arrays.copyOf(hmac(key, "pw1|" + workspace + "|" + at), 16);
        HexFormat hex = HexFormat.of();
        return "pw1_" + hex.formatHex(workspace.getBytes(StandardCharsets.UTF_8)) + "_" + at + "_" + hex.formatHex(mac);
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
