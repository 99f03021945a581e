package dev.portico.workspace.boundary;

import dev.portico.billing.api.BillingStatus;
import dev.portico.workspace.api.Access;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a billing status into an access level. For now the interim rule: active and trialing get
 * full access, everything else (including no subscription) is read-only. The full rule, with
 * period ends and grace, comes with workspace enforcement.
 */
@ApplicationScoped
public class AccessPolicy {

    public Access accessFor(BillingStatus status) {
        return switch (status.status()) {
            case "active", "trialing" -> Access.FULL;
            default -> Access.READ_ONLY;
        };
    }
}
