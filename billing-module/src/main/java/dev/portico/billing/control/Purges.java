package dev.portico.billing.control;

import dev.portico.billing.entity.ReconcileSweep;
import dev.portico.billing.entity.WebhookEvent.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Retention's batches: each call finds at most {@code size} rows due (by an index), then deletes or
 * empties those that are still due, in one short transaction of its own, and answers how many.
 * Several nodes purging at once is safe: the second to reach a row finds it gone or no longer due.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Purges {

    /** Events nothing will apply again: their payloads are no longer needed. */
    private static final List<Status> SETTLED = List.of(Status.APPLIED, Status.IGNORED);

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    /** Empties the payloads of settled events received before {@code before}; ids and outcomes stay. */
    public int eventPayloads(Instant before, int size) {
        return batch("SELECT e.eventId FROM WebhookEvent e WHERE e.payloadPurged = FALSE AND e.receivedAt < :before"
                        + " AND e.status IN :settled",
                "UPDATE WebhookEvent e SET e.payload = :none, e.payloadPurged = TRUE WHERE e.eventId IN :ids"
                        + " AND e.receivedAt < :before AND e.status IN :settled",
                Map.of("before", before, "settled", SETTLED), Map.of("none", new byte[0]), size);
    }

    /** Deletes settled events received before {@code before}, id and all. */
    public int events(Instant before, int size) {
        return delete("SELECT e.eventId FROM WebhookEvent e WHERE e.status IN :settled AND e.receivedAt < :before",
                "DELETE FROM WebhookEvent e WHERE e.eventId IN :ids AND e.status IN :settled AND e.receivedAt < :before",
                Map.of("before", before, "settled", SETTLED), size);
    }

    /** Deletes publications their listener completed before {@code before}. */
    public int publications(Instant before, int size) {
        return delete("SELECT p.id FROM Publication p WHERE p.completedAt < :before",
                "DELETE FROM Publication p WHERE p.id IN :ids AND p.completedAt < :before", Map.of("before", before), size);
    }

    /** Deletes sweeps that started before {@code before} and ended (a running one is left to resume). */
    public int sweeps(Instant before, int size) {
        return delete("SELECT s.id FROM ReconcileSweep s WHERE s.startedAt < :before AND s.status <> :running",
                "DELETE FROM ReconcileSweep s WHERE s.id IN :ids AND s.startedAt < :before AND s.status <> :running",
                Map.of("before", before, "running", ReconcileSweep.Status.RUNNING), size);
    }

    /** Deletes drift found before {@code before}. */
    public int drift(Instant before, int size) {
        return delete("SELECT d.id FROM DriftRecord d WHERE d.foundAt < :before",
                "DELETE FROM DriftRecord d WHERE d.id IN :ids AND d.foundAt < :before", Map.of("before", before), size);
    }

    /** Deletes throttle rows whose newest slot was taken at or before {@code before}: their window is empty. */
    public int throttles(Instant before, int size) {
        return delete("SELECT t.workspaceId FROM PortalThrottle t WHERE t.lastTakenAt <= :before",
                "DELETE FROM PortalThrottle t WHERE t.workspaceId IN :ids AND t.lastTakenAt <= :before",
                Map.of("before", before), size);
    }

    /** Deletes claims whose lease ended before {@code before}: nobody holds them. */
    public int claims(Instant before, int size) {
        return delete("SELECT c.key FROM ApplyClaim c WHERE c.leaseUntil < :before",
                "DELETE FROM ApplyClaim c WHERE c.key IN :ids AND c.leaseUntil < :before", Map.of("before", before), size);
    }

    private int delete(String select, String delete, Map<String, Object> due, int size) {
        return batch(select, delete, due, Map.of(), size);
    }

    /** Runs {@code change} on the ids {@code select} found, both bound to {@code due}, the change re-checking it. */
    private int batch(String select, String change, Map<String, Object> due, Map<String, Object> values, int size) {
        TypedQuery<String> found = em.createQuery(select, String.class).setMaxResults(size);
        due.forEach(found::setParameter);
        List<String> ids = found.getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        Query changed = em.createQuery(change).setParameter("ids", ids);
        due.forEach(changed::setParameter);
        values.forEach(changed::setParameter);
        return changed.executeUpdate();
    }
}
