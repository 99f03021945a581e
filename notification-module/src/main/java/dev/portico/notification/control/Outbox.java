package dev.portico.notification.control;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.notification.entity.Contact;
import dev.portico.notification.entity.OutboxEmail;
import dev.portico.notification.entity.OutboxEmail.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The persistent outbox. Emails are added in the transaction of the change that causes them, at
 * most once per idempotency key; a node claims an email (a conditional update only one node can
 * win) before sending it, so a cluster sends each email once.
 */
@ApplicationScoped
@Transactional
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    /**
     * How long a node's claim on an email holds ({@code portico.mail.claim}): longer than any SMTP
     * conversation (its timeouts are seconds); a node that dies holding one delays that email by it.
     */
    @Inject
    @ConfigProperty(name = "portico.mail.claim")
    Duration claim;

    @PersistenceContext(unitName = "notification")
    EntityManager em;

    @Inject
    Contacts contacts;

    @Inject
    Clock clock;

    /**
     * Adds the email unless one with this key exists (then nothing happens), in the caller's
     * transaction. Suppressed at once when the workspace opted out, and logged as such.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String key, WorkspaceId workspace, Rendered email) {
        if (exists(key)) {
            return;
        }
        Contact contact = contacts.of(workspace);
        OutboxEmail row = new OutboxEmail(key, workspace.value(), email.template(), contact.recipient().orElse(null),
                email.subject(), email.text(), email.html(), clock.instant());
        if (!contact.wantsBillingEmails()) {
            row.suppress("The workspace opted out of billing emails.");
        }
        em.persist(row);
    }

    private boolean exists(String key) {
        return !em.createQuery("SELECT e.emailId FROM OutboxEmail e WHERE e.idempotencyKey = :key", String.class)
                .setParameter("key", key).setMaxResults(1).getResultList().isEmpty();
    }

    /** Emails due for an attempt, oldest first. */
    public List<String> due(Instant now, int limit) {
        return em.createQuery("SELECT e.emailId FROM OutboxEmail e WHERE e.status IN :pending AND e.nextAttemptAt <= :now"
                        + " ORDER BY e.nextAttemptAt", String.class)
                .setParameter("pending", List.of(Status.PENDING, Status.RETRYING))
                .setParameter("now", Timestamp.from(now))
                .setMaxResults(limit)
                .getResultList();
    }

    /** Emails not sent yet (pending or retrying), for operators. */
    public long countPending() {
        return em.createQuery("SELECT COUNT(e) FROM OutboxEmail e WHERE e.status IN :pending", Long.class)
                .setParameter("pending", List.of(Status.PENDING, Status.RETRYING))
                .getSingleResult();
    }

    /** When the oldest email not sent yet was added. */
    public Optional<Instant> oldestPending() {
        return Optional.ofNullable(em.createQuery("SELECT MIN(e.createdAt) FROM OutboxEmail e WHERE e.status IN :pending",
                        Timestamp.class)
                .setParameter("pending", List.of(Status.PENDING, Status.RETRYING))
                .getSingleResult()).map(Timestamp::toInstant);
    }

    /**
     * Claims the email for this node; the email when it won, empty when another node holds or sent
     * it. A claim that lapsed without an outcome (sent, failed and suppressed all clear it) is in
     * doubt: its holder died, or stalled after SMTP took the email (its database gone for longer than
     * the claim). Such an email waits one more claim period, unclaimed, so a stalled holder records
     * what it sent before another node sends it again; then it is claimed as usual.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<OutboxEmail> claim(String emailId) {
        Instant now = clock.instant();
        int inDoubt = em.createQuery("UPDATE OutboxEmail e SET e.claimedUntil = NULL, e.nextAttemptAt = :later"
                        + " WHERE e.emailId = :id AND e.status IN :pending AND e.claimedUntil < :now")
                .setParameter("later", Timestamp.from(now.plus(claim)))
                .setParameter("id", emailId)
                .setParameter("pending", List.of(Status.PENDING, Status.RETRYING))
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
        if (inDoubt == 1) {
            LOG.info(() -> "Email " + emailId + " was claimed and never recorded (in doubt): waiting " + claim
                    + " for its sender to record it before sending it again");
            return Optional.empty();
        }
        int won = em.createQuery("UPDATE OutboxEmail e SET e.claimedUntil = :until WHERE e.emailId = :id"
                        + " AND e.status IN :pending AND e.claimedUntil IS NULL")
                .setParameter("until", Timestamp.from(now.plus(claim)))
                .setParameter("id", emailId)
                .setParameter("pending", List.of(Status.PENDING, Status.RETRYING))
                .executeUpdate();
        return won == 1 ? Optional.ofNullable(em.find(OutboxEmail.class, emailId)) : Optional.empty();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(String emailId, String recipient) {
        OutboxEmail email = em.find(OutboxEmail.class, emailId);
        email.addressTo(recipient);
        email.sent(clock.instant());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String emailId, String why, Duration backoff) {
        em.find(OutboxEmail.class, emailId).attemptFailed(why, backoff, clock.instant());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void suppressed(String emailId, String why) {
        em.find(OutboxEmail.class, emailId).suppress(why);
    }

    /** Suppresses the workspace's unsent emails whose key matches. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suppressPending(WorkspaceId workspace, Predicate<String> keyMatches, String why) {
        em.createQuery("SELECT e FROM OutboxEmail e WHERE e.workspaceId = :workspace AND e.status IN :pending",
                        OutboxEmail.class)
                .setParameter("workspace", workspace.value())
                .setParameter("pending", List.of(Status.PENDING, Status.RETRYING))
                .getResultList().stream()
                .filter(email -> keyMatches.test(email.idempotencyKey()))
                .forEach(email -> email.suppress(why));
    }

    /** The workspace's emails, newest first. */
    public List<OutboxEmail> recent(WorkspaceId workspace, int limit) {
        return em.createQuery("SELECT e FROM OutboxEmail e WHERE e.workspaceId = :workspace ORDER BY e.createdAt DESC",
                        OutboxEmail.class)
                .setParameter("workspace", workspace.value())
                .setMaxResults(limit)
                .getResultList();
    }
}
