package dev.portico.notification.control;

import dev.portico.billing.api.PaymentFailed;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.notification.entity.DunningSequence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Dunning sequences, one per failing invoice, kept in the database so that a restart loses no
 * reminder: the first email goes with the invoice's first failure, each later one when it falls
 * due (enqueued by the sender's rounds), and none once the invoice is paid or the subscription ends.
 * Each email's key is template + invoice, so Stripe's own retries of an invoice start nothing new.
 */
@ApplicationScoped
@Transactional
public class Dunning {

    @PersistenceContext(unitName = "notification")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Audiences audiences;

    @Inject
    NotificationSettings settings;

    @Inject
    Clock clock;

    /** An invoice failed: starts its sequence (and sends the first email), or updates its figures. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(PaymentFailed failure) {
        DunningSequence sequence = em.find(DunningSequence.class, failure.invoiceId(), LockModeType.PESSIMISTIC_WRITE);
        boolean first = sequence == null;
        if (first) {
            sequence = new DunningSequence(failure.invoiceId(), failure.workspace().value(), clock.instant(),
                    settings.reminders());
        }
        if (!sequence.isActive()) {
            return;
        }
        sequence.describe(failure.amountDue(), failure.currency(), failure.hostedInvoiceUrl(), failure.nextAttempt());
        if (first) {
            em.persist(sequence);
            enqueue(1, sequence);
        }
    }

    /** The invoice was paid: no more reminders, and unsent ones are withdrawn. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paid(String invoiceId) {
        DunningSequence sequence = em.find(DunningSequence.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
        if (sequence != null) {
            stop(sequence, "invoice paid");
        }
    }

    /** The subscription ended: every sequence of the workspace stops. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void subscriptionEnded(WorkspaceId workspace) {
        em.createQuery("SELECT d FROM DunningSequence d WHERE d.workspaceId = :workspace AND d.stoppedAt IS NULL",
                        DunningSequence.class)
                .setParameter("workspace", workspace.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(sequence -> stop(sequence, "subscription ended"));
    }

    /** Invoices whose next reminder is due. */
    public List<String> due(Instant now, int limit) {
        return em.createQuery("SELECT d.invoiceId FROM DunningSequence d WHERE d.nextReminderAt <= :now"
                        + " ORDER BY d.nextReminderAt", String.class)
                .setParameter("now", Timestamp.from(now))
                .setMaxResults(limit)
                .getResultList();
    }

    /** Enqueues the invoice's next reminder if it is (still) due; any node may call it, one wins. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void remind(String invoiceId) {
        DunningSequence sequence = em.find(DunningSequence.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
        Instant due = sequence == null ? null : sequence.nextReminderAt();
        if (sequence != null && sequence.isActive() && due != null && !due.isAfter(clock.instant())) {
            enqueue(sequence.advance(settings.reminders()), sequence);
        }
    }

    private void stop(DunningSequence sequence, String reason) {
        if (sequence.isActive()) {
            sequence.stop(reason, clock.instant());
            String suffix = keySuffix(sequence.invoiceId());
            outbox.suppressPending(new WorkspaceId(sequence.workspaceId()),
                    key -> key.startsWith(Template.DUNNING.id() + "-") && key.endsWith(suffix),
                    "Not sent: the dunning sequence stopped (" + reason + ").");
        }
    }

    private void enqueue(int number, DunningSequence sequence) {
        WorkspaceId workspace = new WorkspaceId(sequence.workspaceId());
        outbox.add(Template.dunning(number) + keySuffix(sequence.invoiceId()), workspace,
                Emails.dunning(number, sequence, audiences.of(workspace)));
    }

    private static String keySuffix(String invoiceId) {
        return ":invoice:" + invoiceId;
    }
}
