package dev.portico.web.operator;

import dev.portico.billing.boundary.PipelineStatus;
import dev.portico.web.Jsons;
import dev.portico.web.error.ApiError;
import dev.portico.web.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * For Portico's operators (a token in group {@code portico-operator}; no workspace needed): how
 * far behind the pipeline is, the publications a listener has not completed (with their errors),
 * and where one Stripe event stands.
 */
@Path("operator")
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    private static final int MAX_LIMIT = 500;

    @Inject
    PipelineStatus status;

    @GET
    @Path("pipeline")
    public JsonObject report(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiError.invalidRequest("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        PipelineStatus.Report report = status.report(limit);
        JsonObjectBuilder inbox = Jsons.object()
                .add("received", report.received())
                .add("failed", report.failed())
                .add("unmatched", report.unmatched());
        Jsons.addOrNull(inbox, "oldestReceivedAt", report.oldestReceivedAt().map(Object::toString).orElse(null));
        JsonArrayBuilder incomplete = Jsons.array();
        report.publications().forEach(each -> incomplete.add(json(each)));
        return Jsons.object()
                .add("inbox", inbox)
                .add("publications", Jsons.object().add("incomplete", report.incompletePublications()).add("items", incomplete))
                .build();
    }

    /** Where one stored Stripe event stands, whichever workspace it concerns (or none yet). */
    @GET
    @Path("events/{id}")
    public JsonObject event(@PathParam("id") String id) {
        PipelineStatus.EventReport event = status.event(id)
                .orElseThrow(() -> new ApiError(404, "EVENT_NOT_FOUND", "No such event is stored."));
        JsonObjectBuilder json = Jsons.object()
                .add("id", event.id())
                .add("type", event.type())
                .add("receivedAt", event.receivedAt().toString())
                .add("outcome", event.outcome())
                .add("attempts", event.attempts());
        Jsons.addOrNull(json, "processedAt", event.processedAt().map(Object::toString).orElse(null));
        Jsons.addOrNull(json, "detail", event.detail().orElse(null));
        Jsons.addOrNull(json, "workspaceId", event.workspaceId().orElse(null));
        return json.add("publications", Jsons.object().add("total", event.publications())
                .add("incomplete", event.incompletePublications())).build();
    }

    private static JsonObjectBuilder json(PipelineStatus.Incomplete publication) {
        JsonObjectBuilder json = Jsons.object()
                .add("id", publication.id())
                .add("listener", publication.listener())
                .add("event", publication.eventType())
                .add("stripeEventId", publication.stripeEventId())
                .add("workspaceId", publication.workspaceId())
                .add("createdAt", publication.createdAt().toString())
                .add("attempts", publication.attempts());
        Jsons.addOrNull(json, "nextAttemptAt", publication.nextAttemptAt().map(Object::toString).orElse(null));
        return Jsons.addOrNull(json, "lastError", publication.lastError().orElse(null));
    }
}
