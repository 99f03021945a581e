package dev.portico.web.billing;

import dev.portico.billing.api.BillingStatus;
import dev.portico.billing.api.PortalFlow;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.boundary.BillingOverviews;
import dev.portico.billing.boundary.BillingStatuses;
import dev.portico.billing.boundary.CheckoutLinks;
import dev.portico.billing.boundary.PlanOffers;
import dev.portico.billing.boundary.PortalConfiguration;
import dev.portico.billing.boundary.PortalSessions;
import dev.portico.billing.boundary.WorkspaceSync;
import dev.portico.web.BodyLimit;
import dev.portico.web.Jsons;
import dev.portico.web.http.RequestIds;
import dev.portico.web.identity.Caller;
import dev.portico.web.identity.CallerResolver;
import dev.portico.web.identity.Roles;
import dev.portico.web.workspace.AccessJson;
import dev.portico.workspace.boundary.Enforcement;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.List;

/** The caller's workspace billing: open the Stripe Customer Portal, read the subscription status. */
@Path("billing")
@DenyAll
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BillingResource {

    @Context
    SecurityContext security;

    @Inject
    CallerResolver callers;

    @Inject
    PortalSessions portalSessions;

    @Inject
    BillingStatuses statuses;

    @Inject
    Enforcement enforcement;

    @Inject
    WorkspaceSync sync;

    @Inject
    BillingOverviews overviews;

    @Inject
    PortalConfiguration portal;

    @Inject
    PlanOffers offers;

    @Inject
    CheckoutLinks checkouts;

    /** Billing admins only; the body ({@code returnUrl}, {@code flow}) is optional. */
    @POST
    @Path("portal-session")
    @RolesAllowed(Roles.BILLING_ADMIN)
    @Consumes(MediaType.WILDCARD)
    public JsonObject openPortalSession(InputStream body) {
        Caller caller = callers.resolve(security);
        WorkspaceId workspace = caller.requireWorkspace();
        PortalSessionBody request = PortalSessionBody.parse(BodyLimit.text(body, PortalSessionBody.MAX_BYTES));
        String url = portalSessions.open(
                new PortalSessions.Request(workspace, caller.email(), request.returnUrl(), request.flow(),
                        request.price(), RequestIds.current().orElse("-")));
        return Jsons.object().add("url", url).build();
    }

    /**
     * Billing admins only: brings the workspace's billing state to Stripe's objects now (e.g. on the
     * return page when the webhook is late) and says what changed.
     */
    @POST
    @Path("sync")
    @RolesAllowed(Roles.BILLING_ADMIN)
    @Consumes(MediaType.WILDCARD)
    public JsonObject sync() {
        WorkspaceId workspace = callers.resolve(security).requireWorkspace();
        List<WorkspaceSync.Change> changes = sync.sync(workspace);
        JsonArrayBuilder list = Jsons.array();
        changes.forEach(change -> list.add(Jsons.addOrNull(Jsons.addOrNull(Jsons.object().add("field", change.field()),
                "stored", change.stored().orElse(null)), "stripe", change.stripe().orElse(null))));
        return Jsons.object()
                .add("workspaceId", workspace.value())
                .add("changed", !changes.isEmpty())
                .add("changes", list)
                .build();
    }

    /**
     * Any valid token of the workspace: the subscription as below, plus what the billing page shows
     * at a glance (price, dates, card, failing and recent invoices; invoice links for admins only).
     */
    @GET
    @Path("overview")
    @RolesAllowed(Roles.ANY_TOKEN)
    public JsonObject overview() {
        Caller caller = callers.resolve(security);
        WorkspaceId workspace = caller.requireWorkspace();
        BillingOverviews.Overview overview = overviews.of(workspace);
        JsonObjectBuilder json = subscriptionJson(workspace, overview.status());
        JsonArrayBuilder flows = Jsons.array();
        portal.flows().stream().map(PortalFlow::wireName).sorted().forEach(flows::add);
        json.add("portalFlows", flows);
        json.add("pendingChange", PlansJson.pending(overview.pendingChange()));
        return OverviewJson.add(json, overview, caller.isBillingAdmin()).build();
    }

    /**
     * Any valid token of the workspace: the plans on offer, cheapest first, the workspace's own
     * marked {@code current}, and a switch Stripe has scheduled ({@code pendingChange}).
     */
    @GET
    @Path("plans")
    @RolesAllowed(Roles.ANY_TOKEN)
    public JsonObject plans() {
        WorkspaceId workspace = callers.resolve(security).requireWorkspace();
        PlanOffers.Offer offer = offers.of(workspace);
        return PlansJson.of(offer).add("workspaceId", workspace.value()).build();
    }

    /**
     * Billing admins only: the signed {@code client_reference_id} the host's page puts into Stripe
     * Checkout (Pricing Table, Payment Link) so that the customer who pays is linked to this
     * workspace; a bare workspace id there links nothing.
     */
    @GET
    @Path("checkout-reference")
    @RolesAllowed(Roles.BILLING_ADMIN)
    public JsonObject checkoutReference() {
        WorkspaceId workspace = callers.resolve(security).requireWorkspace();
        CheckoutLinks.Reference reference = checkouts.referenceFor(workspace);
        return Jsons.object().add("workspaceId", workspace.value()).add("clientReferenceId", reference.clientReferenceId())
                .add("expiresAt", reference.expiresAt().toString()).build();
    }

    /** Any valid token of the workspace; {@code access} is what {@code @Guarded} resources allow it now. */
    @GET
    @Path("subscription")
    @RolesAllowed(Roles.ANY_TOKEN)
    public JsonObject subscription() {
        WorkspaceId workspace = callers.resolve(security).requireWorkspace();
        return subscriptionJson(workspace, statuses.of(workspace)).build();
    }

    private JsonObjectBuilder subscriptionJson(WorkspaceId workspace, BillingStatus status) {
        JsonObjectBuilder json = Jsons.object()
                .add("workspaceId", workspace.value())
                .add("status", status.status());
        Jsons.addOrNull(json, "plan", status.plan());
        Jsons.addOrNull(json, "currentPeriodEnd", status.currentPeriodEnd());
        json.add("cancelAtPeriodEnd", status.cancelAtPeriodEnd());
        return AccessJson.add(json, enforcement.decide(workspace));
    }
}
