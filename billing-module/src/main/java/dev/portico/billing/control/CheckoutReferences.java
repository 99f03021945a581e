package dev.portico.billing.control;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code client_reference_id} that links a Stripe Checkout's customer to a workspace: a bare
 * workspace id links nothing, since any browser can set the field of a Pricing Table or Payment
 * Link. Portico signs the reference it hands out:
 * {@code pw1_<hex(workspace)>_<issued, epoch seconds>_<hex(HMAC-SHA256, first 16 bytes)>}, only
 * letters, digits and {@code _} (what Pricing Tables and Payment Links take), at most 176
 * characters. The key is derived from the webhook secret (every node has it, nothing new to keep;
 * each configured secret is tried, so it rotates as webhooks do). A reference serves a checkout
 * created within {@value #VALID_HOURS} hours after it was issued, so one copied from a page does
 * not stay good for ever.
 */
@ApplicationScoped
public class CheckoutReferences {

    static final String PREFIX = "pw1";
    static final long VALID_HOURS = 24;
    private static final Duration VALID = Duration.ofHours(VALID_HOURS);
    /** Clocks of Portico and Stripe disagree a little: a session may seem made just before its reference. */
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final Pattern SHAPE = Pattern.compile(PREFIX + "_([0-9a-f]{2,128})_([0-9]{1,12})_([0-9a-f]{32})");
    private static final HexFormat HEX = HexFormat.of();

    private final List<String> secrets;
    private final Clock clock;

    @Inject
    public CheckoutReferences(@ConfigProperty(name = "stripe.webhook.secret") Optional<String> secrets, Clock clock) {
        this.secrets = WebhookSignature.configured(secrets);
        this.clock = clock;
    }

    CheckoutReferences() {
        // for CDI proxies
        this(Optional.empty(), null);
    }

    /** A reference for the workspace's checkouts, good for those created in the next {@value #VALID_HOURS} hours. */
    public Issued issue(WorkspaceId workspace) {
        if (secrets.isEmpty()) {
            throw new BillingFailure(Reason.WEBHOOK_NOT_CONFIGURED, "Webhooks are not configured on this server: no"
                    + " checkout could be linked.");
        }
        Instant issued = clock.instant();
        return new Issued(sign(secrets.get(0), workspace.value(), issued.getEpochSecond()), issued.plus(VALID));
    }

    /** A signed reference and the time after which a checkout it names is no longer linked. */
    public record Issued(String reference, Instant expiresAt) {
    }

    /**
     * Why {@code reference} links no workspace to a checkout created at {@code sessionCreated}, or
     * empty when it does; {@link #workspace} then names it.
     */
    public Optional<String> refusal(String reference, Instant sessionCreated) {
        Matcher parts = reference == null ? null : SHAPE.matcher(reference);
        if (parts == null || !parts.matches()) {
            return Optional.of("The checkout's client_reference_id is not a reference Portico signed (a bare workspace"
                    + " id links nothing: GET /api/billing/checkout-reference gives one).");
        }
        String workspace = new String(HEX.parseHex(parts.group(1)), StandardCharsets.UTF_8);
        long issued = Long.parseLong(parts.group(2));
        byte[] mac = HEX.parseHex(parts.group(3));
        if (!WorkspaceId.isValid(workspace) || secrets.stream()
                .noneMatch(secret -> MessageDigest.isEqual(HEX.parseHex(mac(secret, workspace, issued)), mac))) {
            return Optional.of("The checkout's client_reference_id carries no valid signature of Portico's.");
        }
        Instant issuedAt = Instant.ofEpochSecond(issued);
        if (sessionCreated.isBefore(issuedAt.minus(SKEW)) || sessionCreated.isAfter(issuedAt.plus(VALID))) {
            return Optional.of("The checkout was created more than " + VALID_HOURS + " hours after its client_reference_id"
                    + " was issued (or before).");
        }
        return Optional.empty();
    }

    /** The workspace a well-formed reference names (check {@link #refusal} first). */
    public static WorkspaceId workspace(String reference) {
        Matcher parts = SHAPE.matcher(reference);
        if (!parts.matches()) {
            throw new IllegalArgumentException("Not a checkout reference.");
        }
        return new WorkspaceId(new String(HEX.parseHex(parts.group(1)), StandardCharsets.UTF_8));
    }

    static String sign(String secret, String workspace, long issuedAt) {
        return PREFIX + "_" + HEX.formatHex(workspace.getBytes(StandardCharsets.UTF_8)) + "_" + issuedAt + "_"
                + mac(secret, workspace, issuedAt);
    }

    /** hex of the first 16 bytes of HMAC-SHA256(key, "pw1|workspace|issued"), key = HMAC-SHA256(secret, purpose). */
    private static String mac(String secret, String workspace, long issuedAt) {
        byte[] key = hmac(secret.getBytes(StandardCharsets.UTF_8), "portico checkout reference");
        return HEX.formatHex(Arrays.copyOf(hmac(key, PREFIX + "|" + workspace + "|" + issuedAt), 16));
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
