package dev.portico.billing.control;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Customers linked to a workspace in the current transaction. Their earlier, unmatched events
 * can apply once it commits; knowing this spares every other event a look for them.
 */
@TransactionScoped
public class LinkedCustomers implements Serializable {

    private static final long serialVersionUID = 1L;
    private final Set<String> linked = new LinkedHashSet<>();

    void add(String customerId) {
        linked.add(customerId);
    }

    Set<String> all() {
        return Set.copyOf(linked);
    }
}
