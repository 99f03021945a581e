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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The durable record of every verified Stripe event, keyed by the event id: written by the
 * intake, settled by the applier. Reads run in a transaction too: the applier calls them from
 * background threads, where an entity manager outside a transaction has no request to live in.
 */
@ApplicationScoped
@Transactional
public class Inbox {

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    EventHandlers handlers;

    /** An event the intake handed in: stored now, or held already. */
    public record Stored(String eventId, Optional<String> customerId, boolean duplicate, Status status) {
    }

    /** An event handed to the inbox: its envelope, its bytes as Stripe sent them, and how it came. */
    public record Arriving(Envelope event, byte[] payload, WebhookEvent.Arrival arrival) {
    }

    /** An event waiting for the applier, and the customer it concerns. */
    public record Waiting(String eventId, Optional<String> customerId) {
    }

    /**
     * Stores the events, as received, in one new transaction; one twice in the batch, or (when
     * {@code lookFirst}) one held already, is a duplicate. Fails whole, storing nothing, when the
     * database refuses: without looking first, a duplicate of an event held already makes the
     * primary key refuse it, and the caller stores each event alone, looking first. Stripe sends
     * an event again only when it saw no 2xx, so the common case needs no look. An event of a type
     * Portico does not act on is stored settled, {@code IGNORED}: nothing will apply it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Stored> storeAll(List<Arriving> events, boolean lookFirst) {
        Map<String, Status> held = new HashMap<>();
        if (lookFirst) {
            em.createQuery("SELECT e.eventId, e.status FROM WebhookEvent e WHERE e.eventId IN :ids", Object[].class)
                    .setParameter("ids", events.stream().map(each -> each.event().id()).distinct().toList())
                    .getResultList()
                    .forEach(row -> held.put((String) row[0], (Status) row[1]));
        }
        Instant now = clock.instant();
        Set<String> added = new HashSet<>();
        List<Stored> stored = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Envelope event = events.get(i).event();
            Status status = held.get(event.id());
            if (status == null && added.add(event.id())) {
                WebhookEvent row = new WebhookEvent(event.id(), event.type(), event.created(),
                        event.customerId().orElse(null), events.get(i).payload(), now, events.get(i).arrival());
                if (!handlers.actsOn(event.type())) {
                    row.settle(Status.IGNORED, null, EventHandlers.notActedOn(event.type()), now);
                }
                em.persist(row);
                stored.add(new Stored(event.id(), event.customerId(), false, row.status()));
            } else {
                stored.add(new Stored(event.id(), event.customerId(), true, status == null ? Status.RECEIVED : status));
            }
        }
        return stored;
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

    public Optional<WebhookEvent> find(String eventId) {
        return Optional.ofNullable(em.find(WebhookEvent.class, eventId));
    }

    /**
     * Those of the events still pending, row-locked until the transaction ends: an event is
     * applied once, whoever else tries. Locked one by one by id, in id order (see {@link Claims}
     * for why not in one query).
     */
    public List<WebhookEvent> lockPending(List<String> eventIds) {
        return eventIds.stream().sorted().distinct()
                .map(id -> em.find(WebhookEvent.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(event -> event != null && event.isPending())
                .toList();
    }

    /**
     * Records a failed application in a transaction of its own: retried after
     * {@code backoffAfter(attempts)}, or never when that is empty. Returns the event as recorded,
     * or empty when it is no longer pending.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<WebhookEvent> failed(String eventId, String why, IntFunction<Optional<Duration>> backoffAfter) {
        WebhookEvent event = em.find(WebhookEvent.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null || !event.isPending()) {
            return Optional.empty();
        }
        event.fail(why, backoffAfter.apply(event.attempts() + 1), clock.instant());
        event.customerId().flatMap(this::workspaceOf).ifPresent(event::concerns);
        track(event);
        return Optional.of(event);
    }

    /** So that a failed event is listed for its workspace, when its customer is known. */
    private Optional<String> workspaceOf(String customerId) {
        return em.createQuery("SELECT a.workspaceId FROM BillingAccount a WHERE a.stripeCustomerId = :customer", String.class)
                .setParameter("customer", customerId)
                .getResultStream().findFirst();
    }

    /** Events stored at or before {@code before} and not applied yet, oldest first. */
    public List<Waiting> received(Instant before, int limit) {
        return em.createQuery("SELECT e.eventId, e.customerId FROM WebhookEvent e WHERE e.status = :received"
                        + " AND e.receivedAt <= :before ORDER BY e.receivedAt", Object[].class)
                .setParameter("received", Status.RECEIVED)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultStream()
                .map(Inbox::waiting)
                .toList();
    }

    /** Failed events whose next attempt is due. */
    public List<Waiting> due(Instant now, int limit) {
        return em.createQuery("SELECT p.eventId, p.customerId FROM PendingEvent p WHERE p.status = :failed"
                        + " AND p.nextAttemptAt <= :now ORDER BY p.nextAttemptAt", Object[].class)
                .setParameter("failed", Status.FAILED)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultStream()
                .map(Inbox::waiting)
                .toList();
    }

    /** A row of (event id, customer id). */
    private static Waiting waiting(Object[] row) {
        return new Waiting((String) row[0], Optional.ofNullable((String) row[1]));
    }

    /** Events that found no workspace for this customer yet, oldest first. */
    public List<String> unmatched(String customerId) {
        return em.createQuery("SELECT p.eventId FROM PendingEvent p WHERE p.customerId = :customer AND p.status = :unmatched"
                        + " ORDER BY p.stripeCreatedAt", String.class)
                .setParameter("customer", customerId)
                .setParameter("unmatched", Status.UNMATCHED)
                .getResultList();
    }

    /**
     * How many events wait in each unsettled state, for operators. Counts the received time, not
     * the row: the status index holds it, so a count of a large backlog reads the index only,
     * never the events' payloads (which made each count of 10,000 waiting events take milliseconds).
     */
    public Map<Status, Long> backlog() {
        Map<Status, Long> counts = new HashMap<>();
        counts.put(Status.RECEIVED, em.createQuery("SELECT COUNT(e.receivedAt) FROM WebhookEvent e WHERE e.status = :received",
                Long.class).setParameter("received", Status.RECEIVED).getSingleResult());
        em.createQuery("SELECT p.status, COUNT(p) FROM PendingEvent p GROUP BY p.status", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((Status) row[0], (Long) row[1]));
        return counts;
    }

    /** When the oldest event not applied yet was stored. */
    public Optional<Instant> oldestReceived() {
        return Optional.ofNullable(em.createQuery("SELECT MIN(e.receivedAt) FROM WebhookEvent e WHERE e.status = :received",
                Instant.class).setParameter("received", Status.RECEIVED).getSingleResult());
    }

    public List<WebhookEvent> recent(WorkspaceId workspace, int limit) {
        return em.createQuery("SELECT e FROM WebhookEvent e WHERE e.workspaceId = :workspace ORDER BY e.receivedAt DESC",
                        WebhookEvent.class)
                .setParameter("workspace", workspace.value())
                .setMaxResults(limit)
                .getResultList();
    }
}
