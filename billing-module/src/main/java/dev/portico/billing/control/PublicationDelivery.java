package dev.portico.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers publications to their listeners, each on its own: one listener's failure is recorded
 * against its publication and stops nothing else.
 */
@ApplicationScoped
public class PublicationDelivery {

    private static final Logger LOG = Logger.getLogger(PublicationDelivery.class.getName());

    @Inject
    Publications publications;

    public void deliver(List<String> ids) {
        ids.forEach(this::deliver);
    }

    /** True when the publication is completed (now or earlier). */
    public boolean deliver(String id) {
        try {
            publications.deliver(id);
            return true;
        } catch (RuntimeException e) {
            String why = describe(e);
            LOG.log(Level.WARNING, "Publication " + id + " failed: " + why, e);
            try {
                publications.failed(id, why);
            } catch (RuntimeException alsoFailed) {
                LOG.log(Level.WARNING, "Could not record the failure of publication " + id + "; the sweep retries it",
                        alsoFailed);
            }
            return false;
        }
    }

    /** The innermost cause's type and message: what the listener threw, not the transaction's wrapper. */
    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
