package dev.portico.web.workspace;

import dev.portico.web.BodyLimit;
import dev.portico.web.Jsons;
import dev.portico.web.RequestBodies;
import dev.portico.web.identity.Roles;
import dev.portico.workspace.api.AccessRefused;
import dev.portico.workspace.api.Entitled;
import dev.portico.workspace.api.Guarded;
import dev.portico.workspace.api.GuardedWorkspace;
import dev.portico.workspace.api.Operation;
import dev.portico.workspace.boundary.TokenClaims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The guarded example a host SaaS copies: its own resource, guarded by one annotation per method.
 * Reading needs read-only access, writing full access, exporting a plan with exports; another
 * workspace's notes answer 404.
 */
@Path("workspaces/{id}/notes")
@RolesAllowed(Roles.ANY_TOKEN)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotesResource {

    @Inject
    ExampleNotes notes;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    @Context
    SecurityContext security;

    @GET
    @Guarded(Operation.READ)
    public JsonObject list(@PathParam("id") @GuardedWorkspace String workspace) {
        return listing(workspace);
    }

    /** Body {@code {"text": "..."}} (1 to 1000 characters); answers 201 with the note. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Guarded(Operation.WRITE)
    public Response add(@PathParam("id") @GuardedWorkspace String workspace, InputStream body) {
        NoteBody note = RequestBodies.valid(validator, NoteBody.parse(BodyLimit.text(body, NoteBody.MAX_BYTES)));
        ExampleNotes.Note added = notes.add(workspace, note.text(), clock.instant());
        return Response.status(Response.Status.CREATED).entity(json(added)).build();
    }

    /**
     * The notes as an export: a feature of some plans only. {@code @Entitled} answers 402
     * {@code FEATURE_NOT_IN_PLAN} (naming the plans with exports) to a workspace whose plan lacks
     * it, whatever its billing status; {@code @Guarded} still decides the status.
     */
    @GET
    @Path("export")
    @Guarded(Operation.READ)
    @Entitled("exports")
    public JsonObject export(@PathParam("id") @GuardedWorkspace String workspace) {
        return Jsons.object().add("format", "json").add("exportedAt", clock.instant().toString())
                .add("notes", listing(workspace).getJsonArray("notes")).build();
    }

    /**
     * The same read without billing's guard (token and tenant still checked): the baseline
     * bench/guard.sh compares the guarded read with. A host app would not ship such a twin.
     */
    @GET
    @Path("unguarded")
    public JsonObject listUnguarded(@PathParam("id") String workspace) {
        JsonWebToken token = (JsonWebToken) security.getUserPrincipal(); // the class's @RolesAllowed admitted a token
        if (!TokenClaims.workspace(token).map(own -> own.value().equals(workspace)).orElse(false)) {
            throw AccessRefused.otherWorkspace();
        }
        return listing(workspace);
    }

    private JsonObject listing(String workspace) {
        List<ExampleNotes.Note> held = notes.of(workspace);
        JsonArrayBuilder items = Jsons.array();
        held.forEach(note -> items.add(json(note)));
        return Jsons.object().add("workspaceId", workspace).add("notes", items).build();
    }

    private static JsonObject json(ExampleNotes.Note note) {
        return Jsons.object().add("id", note.id()).add("text", note.text()).add("createdAt", note.createdAt().toString())
                .build();
    }
}
