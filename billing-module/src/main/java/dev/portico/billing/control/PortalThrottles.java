package dev.portico.billing.control;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.PortalThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The throttle rows: a slot taken in one short transaction, holding the workspace's row locked. */
@ApplicationScoped
public class PortalThrottles {

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    /**
     * Takes a slot of the workspace's (see {@link PortalThrottle#take}), creating its row first
     * when it has none. Throws {@link Race} when another node created that row at the same moment:
     * the caller tries again, and then finds it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Duration> take(WorkspaceId workspace, Instant now, int limit, Duration window) {
        PortalThrottle throttle = em.find(PortalThrottle.class, workspace.value(), LockModeType.PESSIMISTIC_WRITE);
        if (throttle == null) {
            throttle = new PortalThrottle(workspace.value());
            try {
                em.persist(throttle);
                em.flush();
            } catch (PersistenceException e) {
                throw new Race(e);
            }
        }
        return throttle.take(now, limit, window);
    }

    /** The workspace's row was created by another transaction meanwhile. */
    public static final class Race extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Race(Throwable cause) {
            super("The portal throttle row was created concurrently", cause);
        }
    }
}
