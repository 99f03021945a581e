package dev.portico.billing.control;

import dev.portico.billing.api.BillingEvent;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.WebhookEvent.Status;
import java.util.List;

/**
 * What applying one Stripe event came to: its outcome, the workspace it concerned and the facts
 * to publish.
 */
public record Applied(Status outcome, WorkspaceId workspace, String detail, List<BillingEvent> events) {

    static Applied applied(WorkspaceId workspace, List<BillingEvent> events) {
        return new Applied(Status.APPLIED, workspace, null, events);
    }

    static Applied ignored(WorkspaceId workspace, String why) {
        return new Applied(Status.IGNORED, workspace, why, List.of());
    }

    static Applied unmatched(String why) {
        return new Applied(Status.UNMATCHED, null, why, List.of());
    }
}
