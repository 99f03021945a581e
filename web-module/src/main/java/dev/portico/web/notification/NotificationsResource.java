package dev.portico.web.notification;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.notification.boundary.Notifications.LogEntry;
import dev.portico.notification.boundary.Notifications.Preferences;
import dev.portico.notification.boundary.Notifications;
import dev.portico.web.BodyLimit;
import dev.portico.web.Jsons;
import dev.portico.web.RequestBodies;
import dev.portico.web.error.ApiError;
import dev.portico.web.identity.CallerResolver;
import dev.portico.web.identity.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;

/** The email log and preferences of the caller's workspace (billing admins), and one-click unsubscribe (no login). */
@Path("notifications")
@DenyAll
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    static final int MAX_LIMIT = 200;

    @Context
    SecurityContext security;

    @Inject
    CallerResolver callers;

    @Inject
    Notifications notifications;

    @Inject
    Validator validator;

    @GET
    @Path("log")
    @RolesAllowed(Roles.BILLING_ADMIN)
    public JsonObject log(@QueryParam("limit") @DefaultValue("50") String limit) {
        WorkspaceId workspace = callers.resolve(security).requireWorkspace();
        JsonArrayBuilder emails = Jsons.array();
        notifications.log(workspace, parseLimit(limit)).forEach(entry -> emails.add(json(entry)));
        return Jsons.object().add("emails", emails).build();
    }

    @GET
    @Path("preferences")
    @RolesAllowed(Roles.BILLING_ADMIN)
    public JsonObject preferences() {
        return json(notifications.preferences(callers.resolve(security).requireWorkspace()));
    }

    /** Body {@code {"billingEmails": true|false}}. */
    @PUT
    @Path("preferences")
    @RolesAllowed(Roles.BILLING_ADMIN)
    @Consumes(MediaType.WILDCARD)
    public JsonObject setPreferences(InputStream body) {
        WorkspaceId workspace = callers.resolve(security).requireWorkspace();
        PreferencesBody wanted = RequestBodies.valid(validator, PreferencesBody.parse(BodyLimit.text(body, PreferencesBody.MAX_BYTES)));
        return json(notifications.setPreferences(workspace, wanted.billingEmails()));
    }

    /**
     * The link every email carries. Opening it changes nothing (mail scanners and link previews
     * open links): it shows what the button will do. No login: the signed token is the proof.
     */
    @GET
    @Path("unsubscribe")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public String unsubscribePage(@QueryParam("token") String token) {
        WorkspaceId workspace = notifications.unsubscribing(token).orElseThrow(NotificationsResource::invalidLink);
        return UnsubscribePages.confirm(workspace, token);
    }

    /** The page's button, and the one-click POST mail clients send to {@code List-Unsubscribe} (RFC 8058): opts out. */
    @POST
    @Path("unsubscribe")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_HTML)
    public String unsubscribe(@QueryParam("token") String token) {
        return UnsubscribePages.done(notifications.unsubscribe(token).orElseThrow(NotificationsResource::invalidLink));
    }

    private static ApiError invalidLink() {
        return new ApiError(400, "INVALID_TOKEN", "This unsubscribe link is not valid: it may have been cut short or altered.");
    }

    private static int parseLimit(String limit) {
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiError.invalidRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    private static JsonObject json(LogEntry entry) {
        JsonObjectBuilder json = Jsons.object();
        Jsons.addOrNull(json, "recipient", entry.recipient());
        json.add("template", entry.template()).add("subject", entry.subject())
                .add("createdAt", entry.createdAt().toString());
        Jsons.addOrNull(json, "sentAt", entry.sentAt());
        json.add("status", entry.status()).add("attempts", entry.attempts());
        Jsons.addOrNull(json, "detail", entry.detail());
        return json.build();
    }

    private static JsonObject json(Preferences preferences) {
        JsonObjectBuilder json = Jsons.object().add("billingEmails", preferences.billingEmails());
        Jsons.addOrNull(json, "changedAt", preferences.changedAt());
        return json.build();
    }
}
