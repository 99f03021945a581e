package dev.portico.billing.api;

import java.time.Instant;
import java.util.Set;

/**
 * The workspace's active features as Stripe Entitlements lists them changed ({@code features}:
 * the features' lookup keys). Only accounts that use Stripe Entitlements send these; once one
 * came, it is the workspace's feature set, whatever its plan's product says.
 *
 * @param asOf the Stripe event's creation time
 */
public record EntitlementsChanged(String stripeEventId, WorkspaceId workspace, Set<String> features, Instant asOf)
        implements BillingEvent {

    public EntitlementsChanged {
        features = features == null ? Set.of() : Set.copyOf(features);
    }
}
