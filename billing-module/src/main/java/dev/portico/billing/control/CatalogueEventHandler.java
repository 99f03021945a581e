package dev.portico.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * {@code price.*} and {@code product.*}: the plans on offer may have changed, so this node reads
 * them from Stripe again on next use (the others within {@code portico.plans.refresh-interval}).
 * The event itself is not taken over: a price event does not carry its product's name or features,
 * and a full read is as cheap as one page.
 */
@ApplicationScoped
class CatalogueEventHandler implements EventHandler {

    private static final Set<String> TYPES = Set.of("price.created", "price.updated", "price.deleted",
            "product.created", "product.updated", "product.deleted");

    @Inject
    PlanCatalogue catalogue;

    @Override
    public Set<String> types() {
        return TYPES;
    }

    /** None: a missed one costs nothing but the wait for the next refresh of the plans. */
    @Override
    public Set<String> recoveredTypes() {
        return Set.of();
    }

    @Override
    public Applied apply(TypedEvent event) {
        catalogue.changed();
        return Applied.ignored(null, "The plans on offer are read from Stripe again.");
    }
}
