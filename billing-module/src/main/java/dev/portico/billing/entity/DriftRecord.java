package dev.portico.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A field of a workspace's billing state found different from Stripe's objects, and repaired. */
@Entity
@Table(name = "billing_drift")
public class DriftRecord {

    @Id
    @Column(name = "drift_id", length = 36)
    private String id;

    @Column(name = "sweep_id", length = 36)
    private String sweepId;

    @Column(name = "workspace_id", length = 64, nullable = false)
    private String workspaceId;

    @Column(name = "field", length = 64, nullable = false)
    private String field;

    @Column(name = "stored_value", length = 1000)
    private String stored;

    @Column(name = "stripe_value", length = 1000)
    private String stripe;

    @Column(name = "found_at", nullable = false)
    private Instant foundAt;

    protected DriftRecord() {
        // for JPA
    }

    public DriftRecord(String id, String sweepId, String workspaceId, String field, String stored, String stripe,
                       Instant foundAt) {
        this.id = Objects.requireNonNull(id);
        this.sweepId = sweepId;
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.field = Objects.requireNonNull(field);
        this.stored = clip(stored);
        this.stripe = clip(stripe);
        this.foundAt = Objects.requireNonNull(foundAt);
    }

    private static String clip(String value) {
        return value == null || value.length() <= 1000 ? value : value.substring(0, 1000);
    }

    public Optional<String> sweepId() {
        return Optional.ofNullable(sweepId);
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String field() {
        return field;
    }

    public Optional<String> stored() {
        return Optional.ofNullable(stored);
    }

    public Optional<String> stripe() {
        return Optional.ofNullable(stripe);
    }

    public Instant foundAt() {
        return foundAt;
    }
}
