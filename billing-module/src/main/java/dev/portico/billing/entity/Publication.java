package dev.portico.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One of billing's domain events for one listener: recorded with the change that caused it,
 * completed in the listener's own transaction, so the listener's effect happens exactly once.
 */
@Entity
@Table(name = "billing_event_publication")
public class Publication {

    private static final int MAX_ERROR = 1000;

    @Id
    @Column(name = "publication_id", length = 36)
    private String id;

    @Column(name = "listener", length = 512, nullable = false)
    private String listener;

    @Column(name = "event_type", length = 128, nullable = false)
    private String eventType;

    @Column(name = "payload", length = 8000, nullable = false)
    private String payload;

    @Column(name = "stripe_event_id", nullable = false)
    private String stripeEventId;

    @Column(name = "workspace_id", length = 64, nullable = false)
    private String workspaceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    protected Publication() {
        // for JPA
    }

    /**
     * A publication the sweep may deliver from {@code sweepAfter} on: the node that records it
     * delivers it right after its commit, the sweep only when that node could not.
     */
    public Publication(String listener, String eventType, String payload, String stripeEventId, String workspaceId,
                       Instant now, Instant sweepAfter) {
        this.id = UUID.randomUUID().toString();
        this.listener = Objects.requireNonNull(listener);
        this.eventType = Objects.requireNonNull(eventType);
        this.payload = Objects.requireNonNull(payload);
        this.stripeEventId = Objects.requireNonNull(stripeEventId);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.createdAt = now;
        this.nextAttemptAt = sweepAfter;
    }

    public String id() {
        return id;
    }

    public String listener() {
        return listener;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }

    public String stripeEventId() {
        return stripeEventId;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public boolean isCompleted() {
        return completedAt != null;
    }

    /** The listener ran and its transaction commits with this. */
    public void complete(Instant now) {
        attempts++;
        completedAt = now;
        nextAttemptAt = null;
        lastError = null;
    }

    /** The listener failed (its work was rolled back); try again after {@code backoff}. */
    public void fail(String why, Duration backoff, Instant now) {
        attempts++;
        lastError = why.length() > MAX_ERROR ? why.substring(0, MAX_ERROR) : why;
        nextAttemptAt = now.plus(backoff);
    }
}
