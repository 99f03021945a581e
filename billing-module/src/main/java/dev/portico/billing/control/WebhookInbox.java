package dev.portico.billing.control;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.PendingEvent;
import dev.portico.billing.entity.WebhookEvent;
import dev.portico.billing.entity.WebhookEvent.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of every verified Stripe event, keyed by the event id. Reads run in a
 * transaction too: the retrier calls them from a background thread, where an entity manager
 * outside a transaction has no request to live in.
 */
@ApplicationScoped
@Transactional
public class WebhookInbox {

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    Clock clock;

    /** A new inbox entry for a delivered event, not yet stored. */
    public WebhookEvent received(IncomingEvent event, byte[] payload) {
        return new WebhookEvent(event.id(), event.type(), event.created(), event.customerId().orElse(null), payload,
                clock.instant());
    }

    /** Stores a new entry within the caller's transaction. */
    public void add(WebhookEvent event) {
        em.persist(event);
        if (event.awaitsRetry()) {
            em.persist(new PendingEvent(event));
        }
    }

    /**
     * Keeps the pending list in step with a stored entry whose status changed: listed while it
     * awaits a retry (see {@link WebhookEvent#awaitsRetry}), removed once settled.
     */
    public void track(WebhookEvent event) {
        PendingEvent listed = em.find(PendingEvent.class, event.eventId());
        if (event.awaitsRetry() && listed == null) {
            em.persist(new PendingEvent(event));
        } else if (event.awaitsRetry()) {
            listed.follow(event);
        } else if (listed != null) {
            em.remove(listed);
        }
    }

    /**
     * Stores an event whose application failed, marked failed, in a transaction of its own;
     * false when it was already stored (a concurrent delivery of the same event).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordFailed(IncomingEvent event, byte[] payload, String why, Optional<Duration> backoff) {
        if (em.find(WebhookEvent.class, event.id()) != null) {
            return false;
        }
        WebhookEvent stored = received(event, payload);
        // Listed for its workspace (when the customer is known) although it could not be applied.
        event.customerId().flatMap(this::workspaceOf).ifPresent(stored::concerns);
        stored.fail(why, backoff, clock.instant());
        add(stored);
        return true;
    }

    private Optional<String> workspaceOf(String customerId) {
        return em.createQuery("SELECT a.workspaceId FROM BillingAccount a WHERE a.stripeCustomerId = :customer", String.class)
                .setParameter("customer", customerId)
                .getResultStream().findFirst();
    }

    public Optional<WebhookEvent> find(String eventId) {
        return Optional.ofNullable(em.find(WebhookEvent.class, eventId));
    }

    /** The event, row-locked until the transaction ends: one applier at a time, on any node. */
    public Optional<WebhookEvent> lock(String eventId) {
        return Optional.ofNullable(em.find(WebhookEvent.class, eventId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String eventId, String why, Optional<Duration> backoff) {
        WebhookEvent event = em.find(WebhookEvent.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event != null && event.isPending()) {
            event.fail(why, backoff, clock.instant());
            track(event);
        }
    }

    /** Failed events whose next attempt is due. */
    public List<String> due(Instant now, int limit) {
        return em.createQuery("SELECT p.eventId FROM PendingEvent p WHERE p.status = :failed AND p.nextAttemptAt <= :now"
                        + " ORDER BY p.nextAttemptAt", String.class)
                .setParameter("failed", Status.FAILED)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Events that found no workspace for this customer yet, oldest first. */
    public List<String> unmatched(String customerId) {
        return em.createQuery("SELECT p.eventId FROM PendingEvent p WHERE p.customerId = :customer AND p.status = :unmatched"
                        + " ORDER BY p.stripeCreatedAt", String.class)
                .setParameter("customer", customerId)
                .setParameter("unmatched", Status.UNMATCHED)
                .getResultList();
    }

    public List<WebhookEvent> recent(WorkspaceId workspace, int limit) {
        return em.createQuery("SELECT e FROM WebhookEvent e WHERE e.workspaceId = :workspace ORDER BY e.receivedAt DESC",
                        WebhookEvent.class)
                .setParameter("workspace", workspace.value())
                .setMaxResults(limit)
                .getResultList();
    }
}
