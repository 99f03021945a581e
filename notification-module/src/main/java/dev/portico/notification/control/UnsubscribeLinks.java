package dev.portico.notification.control;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.notification.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed one-click unsubscribe tokens: {@code base64url(workspace) "." base64url(HMAC-SHA256)}.
 * The key is made by Portico on first use and kept in its database, so every node and every
 * restart accepts the links already sent; nothing to configure, nothing in git.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    private static final String KEY_ID = "unsubscribe";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    @PersistenceContext(unitName = "notification")
    EntityManager em;

    @Inject
    NotificationSettings settings;

    @Inject
    Clock clock;

    private volatile byte[] key;

    /** The link an email carries for its workspace. */
    public String linkFor(WorkspaceId workspace) {
        return settings.publicUrl() + "/api/notifications/unsubscribe?token=" + tokenFor(workspace);
    }

    public String tokenFor(WorkspaceId workspace) {
        byte[] id = workspace.value().getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(id) + "." + ENCODE.encodeToString(mac(id));
    }

    /** The workspace a genuine token names; empty for anything tampered with or malformed. */
    public Optional<WorkspaceId> verify(String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        try {
            byte[] id = Base64.getUrlDecoder().decode(token.substring(0, Math.max(dot, 0)));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            String workspace = new String(id, StandardCharsets.UTF_8);
            return dot > 0 && MessageDigest.isEqual(mac(id), signature) && WorkspaceId.isValid(workspace)
                    ? Optional.of(new WorkspaceId(workspace)) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] held = key;
        if (held == null) {
            String stored;
            try {
                stored = storedKey();
            } catch (RuntimeException raced) {
                stored = storedKey();  // another node made it first: read theirs
            }
            held = Base64.getDecoder().decode(stored);
            key = held;
        }
        return held;
    }

    /** The stored key, made now if there is none (in a transaction of its own: CDI intercepts self-calls). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    String storedKey() {
        SigningKey stored = em.find(SigningKey.class, KEY_ID);
        if (stored == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            stored = new SigningKey(KEY_ID, Base64.getEncoder().encodeToString(fresh), clock.instant());
            em.persist(stored);
        }
        return stored.keyBytes();
    }
}
