package dev.portico.web.billing;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.PortalFlow;
import dev.portico.web.JsonBodies;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.Set;

/**
 * The optional JSON body of a portal-session request. Fields other than {@code returnUrl},
 * {@code flow} and {@code price} (the plan a {@code subscription_update_confirm} switches to) are refused rather than ignored: a caller who sends {@code customer} or
 * {@code workspaceId} expects it to matter, and it never does (both come from the token).
 */
record PortalSessionBody(Optional<String> returnUrl, Optional<PortalFlow> flow, Optional<String> price) {

    private static final Set<String> FIELDS = Set.of("returnUrl", "flow", "price");
    static final int MAX_BYTES = 8192;

    static PortalSessionBody parse(String body) {
        if (body == null || body.isBlank()) {
            return new PortalSessionBody(Optional.empty(), Optional.empty(), Optional.empty());
        }
        JsonObject json = JsonBodies.object(body, FIELDS);
        Optional<String> flowName = JsonBodies.optionalString(json, "flow");
        Optional<PortalFlow> flow = flowName.map(name -> PortalFlow.fromWireName(name).orElseThrow(() ->
                new BillingFailure(Reason.INVALID_FLOW,
                        "flow must be payment_method_update, subscription_cancel, subscription_update or "
                                + "subscription_update_confirm.")));
        return new PortalSessionBody(JsonBodies.optionalString(json, "returnUrl"), flow,
                JsonBodies.optionalString(json, "price"));
    }
}
