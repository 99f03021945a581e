package dev.portico.billing.entity;

import dev.portico.billing.entity.WebhookEvent.Status;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An inbox event that is not settled yet: failed with a next attempt due, or unmatched (no
 * workspace has its customer yet). Holds copies of the event's fields the retries look up by.
 */
@Entity
@Table(name = "billing_webhook_pending")
public class PendingEvent {

    @Id
    @Column(name = "event_id")
    private String eventId;

    /** Declared so that the event's row is always written before this one (the foreign key). */
    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    private WebhookEvent event;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    private Status status;

    @Column(name = "customer_id")
    private String customerId;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "stripe_created_at", nullable = false)
    private Instant stripeCreatedAt;

    protected PendingEvent() {
        // for JPA
    }

    public PendingEvent(WebhookEvent event) {
        this.event = event;
        this.eventId = event.eventId();
        this.customerId = event.customerId().orElse(null);
        this.stripeCreatedAt = event.stripeCreatedAt();
        follow(event);
    }

    /** Takes the event's current standing (its customer and time never change). */
    public void follow(WebhookEvent event) {
        this.status = event.status();
        this.nextAttemptAt = event.nextAttemptAt().orElse(null);
    }
}
