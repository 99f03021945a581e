package dev.portico.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Instant;

/** A secret Portico made for itself (base64), e.g. the key of unsubscribe links. */
@Entity
@Table(name = "notification_signing_key")
public class SigningKey {

    @Id
    @Column(name = "key_id", length = 32)
    private String keyId;

    @Column(name = "key_bytes", length = 128, nullable = false)
    private String keyBytes;

    @Column(name = "created_at", nullable = false)
    private Timestamp createdAt;

    protected SigningKey() {
        // for JPA
    }

    public SigningKey(String keyId, String keyBytes, Instant now) {
        this.keyId = keyId;
        this.keyBytes = keyBytes;
        this.createdAt = Timestamp.from(now);
    }

    public String keyBytes() {
        return keyBytes;
    }
}
