package dev.portico.billing.control;

import com.google.gson.JsonObject;
import dev.portico.billing.api.PortalFlow;
import java.util.Set;

/**
 * The portal configuration Portico keeps in Stripe, as its file asks: Stripe's own parameters of
 * {@code POST /v1/billing_portal/configurations}, their content hash (kept in the configuration's
 * metadata, so an unchanged file writes nothing), and the deep-link flows it enables.
 */
public record DesiredPortal(JsonObject params, String hash, Set<PortalFlow> flows) {

    public DesiredPortal {
        params = params.deepCopy();
        flows = Set.copyOf(flows);
    }

    @Override
    public JsonObject params() {
        return params.deepCopy();
    }
}
