package dev.portico.billing.control;

import com.stripe.model.entitlements.ActiveEntitlement;
import com.stripe.model.entitlements.ActiveEntitlementSummary;
import dev.portico.billing.api.EntitlementsChanged;
import dev.portico.billing.entity.BillingAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code entitlements.active_entitlement_summary.updated}: the customer's active features as
 * Stripe Entitlements has them, announced as {@link EntitlementsChanged} (the workspace module
 * keeps them, newer event wins). The event lists them; should Stripe say the list goes on
 * ({@code has_more}), the whole list is read from Stripe here, inside the transaction: rare (more
 * features than one event holds), bounded by {@code stripe.read-timeout}, and the only way to
 * announce the complete set once. Lookup keys of another shape than {@code @Entitled} names are
 * left out.
 */
@ApplicationScoped
class EntitlementsEventHandler implements EventHandler {

    private static final Set<String> TYPES = Set.of("entitlements.active_entitlement_summary.updated");

    @Inject
    AccountLocator locator;

    @Inject
    StripeGateway stripe;

    @Override
    public Set<String> types() {
        return TYPES;
    }

    @Override
    public Applied apply(TypedEvent event) {
        ActiveEntitlementSummary summary = (ActiveEntitlementSummary) event.object();
        Optional<BillingAccount> found = locator.byCustomer(summary.getCustomer());
        if (found.isEmpty()) {
            return Applied.unmatched("No workspace has customer " + summary.getCustomer() + " yet.");
        }
        var listed = summary.getEntitlements();
        List<String> keys = listed != null && Boolean.TRUE.equals(listed.getHasMore())
                ? stripe.listActiveEntitlements(summary.getCustomer())
                : listed == null || listed.getData() == null ? List.of()
                : listed.getData().stream().map(ActiveEntitlement::getLookupKey).toList();
        Set<String> features = keys.stream().filter(key -> key != null && PlanCatalogue.FEATURE_KEY.matcher(key).matches())
                .collect(Collectors.toSet());
        BillingAccount account = found.get();
        return Applied.applied(account.workspace(),
                List.of(new EntitlementsChanged(event.eventId(), account.workspace(), features, event.created())));
    }
}
