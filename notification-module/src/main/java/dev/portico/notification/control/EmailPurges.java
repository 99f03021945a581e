package dev.portico.notification.control;

import dev.portico.notification.entity.OutboxEmail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Retention's batches for the email log: at most {@code size} rows found due, then deleted if still
 * due, in one short transaction of its own. Several nodes at once is safe: a row goes once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class EmailPurges {

    /** Statuses the sender is done with. */
    private static final List<OutboxEmail.Status> FINAL =
            List.of(OutboxEmail.Status.SENT, OutboxEmail.Status.FAILED, OutboxEmail.Status.SUPPRESSED);

    @PersistenceContext(unitName = "notification")
    EntityManager em;

    /** Deletes emails (bodies and log rows) done with and created before {@code before}. */
    public int emails(Instant before, int size) {
        List<String> ids = em.createQuery("SELECT e.emailId FROM OutboxEmail e WHERE e.status IN :done"
                        + " AND e.createdAt < :before", String.class)
                .setParameter("done", FINAL).setParameter("before", Timestamp.from(before))
                .setMaxResults(size).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("DELETE FROM OutboxEmail e WHERE e.emailId IN :ids"
                        + " AND e.status IN :done AND e.createdAt < :before")
                .setParameter("ids", ids).setParameter("done", FINAL).setParameter("before", Timestamp.from(before))
                .executeUpdate();
    }

    /** Deletes dunning sequences started before {@code before} that remind no more (done or stopped). */
    public int dunning(Instant before, int size) {
        List<String> ids = em.createQuery("SELECT d.invoiceId FROM DunningSequence d WHERE d.startedAt < :before"
                        + " AND d.nextReminderAt IS NULL", String.class)
                .setParameter("before", Timestamp.from(before)).setMaxResults(size).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("DELETE FROM DunningSequence d WHERE d.invoiceId IN :ids"
                        + " AND d.startedAt < :before AND d.nextReminderAt IS NULL")
                .setParameter("ids", ids).setParameter("before", Timestamp.from(before)).executeUpdate();
    }
}
