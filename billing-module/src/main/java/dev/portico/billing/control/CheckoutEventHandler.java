package dev.portico.billing.control;

import com.stripe.model.checkout.Session;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.BillingAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code checkout.session.completed}: links the checkout's customer to the workspace that
 * {@code client_reference_id} names, when that is a reference Portico signed
 * ({@link CheckoutReferences}: any browser can set the field of a Pricing Table or Payment Link,
 * so a bare workspace id links nothing and is settled {@code IGNORED}, saying why); without one,
 * to the workspace of the session's metadata {@code workspace_id}, which only the account's own
 * server or dashboard can set. The subscription's state comes from its own events, which may
 * have arrived first and wait as unmatched until this link.
 */
@ApplicationScoped
class CheckoutEventHandler implements EventHandler {

    @Inject
    AccountLocator locator;

    @Inject
    CheckoutReferences references;

    @Override
    public Set<String> types() {
        return Set.of("checkout.session.completed");
    }

    @Override
    public Applied apply(TypedEvent event) {
        Session session = (Session) event.object();
        String reference = session.getClientReferenceId();
        if (reference != null) {
            Instant created = session.getCreated() == null ? event.created() : Instant.ofEpochSecond(session.getCreated());
            Optional<String> refused = references.refusal(reference, created);
            if (refused.isPresent()) {
                return Applied.ignored(null, refused.get());
            }
        }
        String named = reference != null ? CheckoutReferences.workspace(reference).value()
                : session.getMetadata() == null ? null : session.getMetadata().get(AccountLocator.METADATA_WORKSPACE);
        if (!WorkspaceId.isValid(named) || session.getCustomer() == null) {
            return Applied.ignored(null, "The checkout names no workspace or no customer.");
        }
        WorkspaceId workspace = new WorkspaceId(named);
        Optional<BillingAccount> owner = locator.byCustomer(session.getCustomer());
        if (owner.isPresent()) {
            return owner.get().workspace().equals(workspace)
                    ? Applied.ignored(workspace, "Customer already linked.")
                    : Applied.ignored(workspace, "The customer belongs to another workspace.");
        }
        return locator.link(workspace, session.getCustomer())
                .map(account -> Applied.applied(workspace, List.of()))
                .orElseGet(() -> Applied.ignored(workspace, "The workspace already has another Stripe customer."));
    }
}
