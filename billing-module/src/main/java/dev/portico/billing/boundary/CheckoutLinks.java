package dev.portico.billing.boundary;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.control.CheckoutReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * What a host's page puts into Stripe Checkout (a Pricing Table's {@code client-reference-id}, a
 * Payment Link's {@code client_reference_id}) so that the customer who pays is linked to the
 * workspace: a reference Portico signed for it, since a bare workspace id links nothing.
 */
@ApplicationScoped
public class CheckoutLinks {

    @Inject
    CheckoutReferences references;

    /** The reference and when checkouts created with it stop being linked. */
    public record Reference(String clientReferenceId, Instant expiresAt) {
    }

    public Reference referenceFor(WorkspaceId workspace) {
        CheckoutReferences.Issued issued = references.issue(workspace);
        return new Reference(issued.reference(), issued.expiresAt());
    }
}
