package dev.portico.web.billing;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.boundary.WebhookEvents;
import dev.portico.web.Jsons;
import dev.portico.web.error.ApiError;
import dev.portico.web.identity.CallerResolver;
import dev.portico.web.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The workspace's recent Stripe events, for its billing admins; failed ones can be retried. */
@Path("billing/events")
@RolesAllowed(Roles.BILLING_ADMIN)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BillingEventsResource {

    private static final int MAX_LIMIT = 200;

    @Context
    SecurityContext security;

    @Inject
    CallerResolver callers;

    @Inject
    WebhookEvents events;

    @GET
    public JsonObject recent(@QueryParam("limit") @DefaultValue("50") int limit) {
        WorkspaceId workspace = callers.resolve(security).requireWorkspace();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiError.invalidRequest("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        JsonArrayBuilder list = Jsons.array();
        events.recent(workspace, limit).forEach(entry -> list.add(json(entry)));
        return Jsons.object().add("events", list).build();
    }

    @POST
    @Path("{id}/retry")
    public JsonObject retry(@PathParam("id") String id) {
        WorkspaceId workspace = callers.resolve(security).requireWorkspace();
        return json(events.retry(workspace, id)).build();
    }

    private static JsonObjectBuilder json(WebhookEvents.Entry entry) {
        return Jsons.addOrNull(Jsons.object()
                .add("id", entry.id())
                .add("type", entry.type())
                .add("receivedAt", entry.receivedAt().toString())
                .add("outcome", entry.outcome())
                .add("attempts", entry.attempts())
                .add("arrival", entry.arrival()), "detail", entry.detail());
    }
}
