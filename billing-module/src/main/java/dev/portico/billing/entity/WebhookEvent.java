package dev.portico.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One Stripe event in the webhook inbox: stored before it is acknowledged, applied at most once. */
@Entity
@Table(name = "billing_webhook_event")
public class WebhookEvent {

    /**
     * Where an event stands: RECEIVED once stored by the intake, until the applier settles it as
     * APPLIED, IGNORED (nothing to do) or UNMATCHED (no workspace has its customer yet: applied
     * again once one does), or records it FAILED (applied again after a backoff). Only APPLIED and
     * IGNORED are final.
     */
    public enum Status { RECEIVED, APPLIED, IGNORED, UNMATCHED, FAILED }

    /** The states an event may still be applied from. */
    public static final List<Status> PENDING = List.of(Status.RECEIVED, Status.FAILED, Status.UNMATCHED);

    /** How the event reached the inbox: delivered by Stripe, or read from Stripe's Events API by the catch-up. */
    public enum Arrival { WEBHOOK, CATCH_UP }

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "event_type", length = 128, nullable = false)
    private String type;

    @Column(name = "stripe_created_at", nullable = false)
    private Instant stripeCreatedAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "customer_id")
    private String customerId;

    @Column(name = "workspace_id", length = 64)
    private String workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    private Status status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "processed_at")
    private Instant processedAt;

    @Column(name = "detail", length = 1000)
    private String detail;

    @Enumerated(EnumType.STRING)
    @Column(name = "arrival", length = 16, nullable = false)
    private Arrival arrival;

    /** The body exactly as Stripe sent it (UTF-8 JSON); empty once purged. */
    @Lob
    @Column(name = "payload", nullable = false)
    private byte[] payload;

    /** Whether retention emptied the payload (the event was settled long ago). */
    @Column(name = "payload_purged", nullable = false)
    private boolean payloadPurged;

    protected WebhookEvent() {
        // for JPA
    }

    public WebhookEvent(String eventId, String type, Instant stripeCreatedAt, String customerId, byte[] payload,
                        Instant receivedAt, Arrival arrival) {
        this.eventId = Objects.requireNonNull(eventId, "Event id is required.");
        this.type = Objects.requireNonNull(type, "Event type is required.");
        this.stripeCreatedAt = Objects.requireNonNull(stripeCreatedAt);
        this.customerId = customerId;
        this.payload = Objects.requireNonNull(payload);
        this.receivedAt = Objects.requireNonNull(receivedAt);
        this.status = Status.RECEIVED;
        this.arrival = Objects.requireNonNull(arrival);
    }

    public String eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    public Instant stripeCreatedAt() {
        return stripeCreatedAt;
    }

    public Arrival arrival() {
        return arrival;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Optional<String> customerId() {
        return Optional.ofNullable(customerId);
    }

    public Optional<String> workspaceId() {
        return Optional.ofNullable(workspaceId);
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    public String payload() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    public boolean payloadPurged() {
        return payloadPurged;
    }

    /** When the applier last settled it. */
    public Optional<Instant> processedAt() {
        return Optional.ofNullable(processedAt);
    }

    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }

    public boolean isPending() {
        return PENDING.contains(status);
    }

    /** Waits for something: a retry that is due at some time, or a workspace for its customer. */
    public boolean awaitsRetry() {
        return status == Status.UNMATCHED || (status == Status.FAILED && nextAttemptAt != null);
    }

    /** The event was dealt with: applied, ignored (nothing to do) or unmatched (no workspace yet). */
    public void settle(Status outcome, String workspace, String why, Instant now) {
        if (outcome == Status.RECEIVED || outcome == Status.FAILED) {
            throw new IllegalArgumentException("Not a settled outcome: " + outcome);
        }
        this.status = outcome;
        this.workspaceId = workspace != null ? workspace : workspaceId;
        this.detail = why;
        this.processedAt = now;
        this.nextAttemptAt = null;
        this.attempts++;
    }

    /** Applying failed; try again after {@code backoff}, or never when {@code backoff} is empty. */
    public void fail(String why, Optional<Duration> backoff, Instant now) {
        this.status = Status.FAILED;
        this.detail = why.length() > 1000 ? why.substring(0, 1000) : why;
        this.attempts++;
        this.nextAttemptAt = backoff.map(now::plus).orElse(null);
    }

    /** Names the workspace the event concerns. */
    public void concerns(String workspace) {
        this.workspaceId = Objects.requireNonNull(workspace);
    }
}
