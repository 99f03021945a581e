package dev.portico.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers publications to their listeners: each listener's share of a batch in one transaction
 * of its own, so a batch costs a transaction per listener rather than per publication. When that
 * transaction fails, that listener's publications are delivered one by one, so a failure is
 * recorded against the one publication that caused it and stops nothing else.
 */
@ApplicationScoped
public class PublicationDelivery {

    private static final Logger LOG = Logger.getLogger(PublicationDelivery.class.getName());

    @Inject
    Publications publications;

    public void deliver(List<Publications.Due> due) {
        Map<String, List<String>> byListener = new LinkedHashMap<>();
        due.forEach(each -> byListener.computeIfAbsent(each.listener(), listener -> new ArrayList<>()).add(each.id()));
        byListener.values().forEach(this::deliverTogether);
    }

    private void deliverTogether(List<String> ids) {
        if (ids.size() == 1) {
            deliverAlone(ids.get(0));
            return;
        }
        try {
            publications.deliver(ids);
        } catch (RuntimeException e) {
            ids.forEach(this::deliverAlone);
        }
    }

    private void deliverAlone(String id) {
        try {
            publications.deliver(List.of(id));
        } catch (RuntimeException e) {
            String why = describe(e);
            LOG.log(Level.WARNING, "Publication " + id + " failed: " + why, e);
            try {
                publications.failed(id, why);
            } catch (RuntimeException alsoFailed) {
                LOG.log(Level.WARNING, "Could not record the failure of publication " + id + "; the sweep retries it",
                        alsoFailed);
            }
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
