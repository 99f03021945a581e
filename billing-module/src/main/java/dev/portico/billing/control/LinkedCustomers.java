package dev.portico.billing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Customers linked to a workspace in the current transaction. Their earlier, unmatched events
 * can apply once it commits; knowing this spares every other event a look for them. Kept as a
 * resource of the transaction itself: a {@code @TransactionScoped} bean costs a JNDI look-up per
 * call on Payara, which showed on the webhook's hot path.
 */
@ApplicationScoped
public class LinkedCustomers {

    private static final Object KEY = LinkedCustomers.class;

    @Resource
    TransactionSynchronizationRegistry transaction;

    void add(String customerId) {
        @SuppressWarnings("unchecked")
        Set<String> linked = (Set<String>) transaction.getResource(KEY);
        if (linked == null) {
            linked = new LinkedHashSet<>();
            transaction.putResource(KEY, linked);
        }
        linked.add(customerId);
    }

    @SuppressWarnings("unchecked")
    Set<String> all() {
        Set<String> linked = (Set<String>) transaction.getResource(KEY);
        return linked == null ? Set.of() : Set.copyOf(linked);
    }
}
