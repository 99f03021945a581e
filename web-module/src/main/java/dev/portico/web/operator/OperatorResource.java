package dev.portico.web.operator;

import dev.portico.billing.api.PortalFlow;
import dev.portico.billing.boundary.PipelineStatus;
import dev.portico.billing.boundary.PortalConfiguration;
import dev.portico.billing.boundary.Reconciler;
import dev.portico.billing.boundary.Retention;
import dev.portico.notification.boundary.EmailRetention;
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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * For Portico's operators (a token in group {@code portico-operator}; no workspace needed): how
 * far behind the pipeline is, the publications a listener has not completed (with their errors),
 * where one Stripe event stands, the reconcile sweeps (listed, one with its drift, or one started now),
 * the retention purge run now, and the portal configuration (where it stands, or checked now).
 */
@Path("operator")
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    private static final int MAX_LIMIT = 500;

    @Inject
    PipelineStatus status;

    @Inject
    Reconciler reconciler;

    @Inject
    Retention retention;

    @Inject
    EmailRetention emailRetention;

    @Inject
    PortalConfiguration portalConfiguration;

    /** Where this node's last check of the portal configuration left it. */
    @GET
    @Path("portal-configuration")
    public JsonObject portalConfiguration() {
        return json(portalConfiguration.report());
    }

    /** Checks the portal configuration with Stripe now (reading the file again), and answers the outcome. */
    @POST
    @Path("portal-configuration/sync")
    public JsonObject syncPortalConfiguration() {
        return json(portalConfiguration.checkNow());
    }

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
                .add("attempts", event.attempts())
                .add("arrival", event.arrival())
                .add("payloadPurged", event.payloadPurged());
        Jsons.addOrNull(json, "processedAt", event.processedAt().map(Object::toString).orElse(null));
        Jsons.addOrNull(json, "detail", event.detail().orElse(null));
        Jsons.addOrNull(json, "workspaceId", event.workspaceId().orElse(null));
        return json.add("publications", Jsons.object().add("total", event.publications())
                .add("incomplete", event.incompletePublications())).build();
    }

    /** The newest reconcile sweeps first: when, events recovered, workspaces checked, drift repaired, errors. */
    @GET
    @Path("sweeps")
    public JsonObject sweeps(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiError.invalidRequest("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        JsonArrayBuilder list = Jsons.array();
        reconciler.recent(limit).forEach(sweep -> list.add(json(sweep)));
        return Jsons.object().add("sweeps", list).build();
    }

    /** One sweep with the drift it repaired (at most {@value #MAX_LIMIT} fields, oldest first). */
    @GET
    @Path("sweeps/{id}")
    public JsonObject sweep(@PathParam("id") String id) {
        Reconciler.SweepReport sweep = reconciler.find(id)
                .orElseThrow(() -> new ApiError(404, "SWEEP_NOT_FOUND", "No such sweep is recorded."));
        JsonArrayBuilder drift = Jsons.array();
        reconciler.driftOf(sweep.id(), MAX_LIMIT).forEach(each -> drift.add(Jsons.addOrNull(Jsons.addOrNull(Jsons.object()
                .add("workspaceId", each.workspaceId())
                .add("field", each.field())
                .add("foundAt", each.foundAt().toString()), "stored", each.stored().orElse(null)),
                "stripe", each.stripe().orElse(null))));
        return json(sweep).add("drift", drift).build();
    }

    /** Starts a sweep now on this node; {@code 409 SWEEP_RUNNING} while one runs anywhere. */
    @POST
    @Path("sweeps")
    @Consumes(MediaType.WILDCARD)
    public Response startSweep() {
        reconciler.sweepNow();
        return Response.accepted(Jsons.object().add("status", "STARTED").build()).build();
    }

    /**
     * Runs the retention purge now, on this node, and answers what went, by module and kind (it
     * waits for the purge: everything due, batch by batch; the scheduled purge does the same).
     */
    @POST
    @Path("purge")
    @Consumes(MediaType.WILDCARD)
    public JsonObject purge() {
        return Jsons.object().add("billing", counts(retention.purge())).add("notification", counts(emailRetention.purge()))
                .build();
    }

    private static JsonObjectBuilder counts(Map<String, Long> purged) {
        JsonObjectBuilder json = Jsons.object();
        purged.forEach((kind, rows) -> json.add(kind, rows.longValue()));
        return json;
    }

    private static JsonObjectBuilder json(Reconciler.SweepReport sweep) {
        JsonObjectBuilder json = Jsons.object()
                .add("id", sweep.id())
                .add("node", sweep.node())
                .add("startedAt", sweep.startedAt().toString())
                .add("status", sweep.status())
                .add("phase", sweep.phase())
                .add("listedFrom", sweep.listedFrom().toString())
                .add("eventsListed", sweep.eventsListed())
                .add("eventsRecovered", sweep.eventsRecovered())
                .add("workspacesPlanned", sweep.workspacesPlanned())
                .add("workspacesChecked", sweep.workspacesChecked())
                .add("driftRepaired", sweep.driftRepaired())
                .add("errors", sweep.errors());
        Jsons.addOrNull(json, "finishedAt", sweep.finishedAt().map(Object::toString).orElse(null));
        return Jsons.addOrNull(json, "lastError", sweep.lastError().orElse(null));
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

    private static JsonObject json(PortalConfiguration.Report state) {
        JsonArrayBuilder flows = Jsons.array();
        state.flows().stream().map(PortalFlow::wireName).sorted().forEach(flows::add);
        JsonArrayBuilder drift = Jsons.array();
        state.drift().forEach(drift::add);
        JsonObjectBuilder json = Jsons.object().add("status", state.status());
        Jsons.addOrNull(json, "configuration", state.configuration());
        Jsons.addOrNull(json, "hash", state.hash());
        json.add("flows", flows).add("drift", drift);
        Jsons.addOrNull(json, "checkedAt", state.checkedAt() == null ? null : state.checkedAt().toString());
        return Jsons.addOrNull(json, "error", state.error()).build();
    }
}
