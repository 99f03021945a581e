package com.example.projects.boundary;

import com.example.projects.control.ProjectStore;
import com.example.projects.entity.Archival;
import com.example.projects.entity.Project;
import dev.portico.workspace.api.Guarded;
import dev.portico.workspace.api.GuardedWorkspace;
import dev.portico.workspace.api.Operation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Clock;

/**
 * A workspace's projects. Listing reads and creating writes, so a past-due workspace still lists
 * its projects but creates none: Portico's guard decides before the method runs, and a token of
 * another workspace finds nothing here ({@code 404}).
 */
@Path("workspaces/{workspace}/projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    private static final int MAX_NAME = 200;

    @Inject
    ProjectStore projects;

    /** Portico's clock (billing api's {@code Clocks}): the one time source, which tests can move. */
    @Inject
    Clock clock;

    @GET
    @Guarded(Operation.READ)
    public JsonObject list(@GuardedWorkspace @PathParam("workspace") String workspace) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        projects.of(workspace).forEach(project -> list.add(json(project)));
        return Json.createObjectBuilder().add("workspaceId", workspace).add("projects", list).build();
    }

    @POST
    @Guarded(Operation.WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@GuardedWorkspace @PathParam("workspace") String workspace, String body) {
        String name = name(body);
        Project created = projects.create(workspace, name, clock.instant());
        return Response.status(Response.Status.CREATED).entity(json(created)).build();
    }

    /** The times the workspace's projects were archived, one per Stripe event that ended a subscription. */
    @GET
    @Path("archivals")
    @Guarded(Operation.READ)
    public JsonObject archivals(@GuardedWorkspace @PathParam("workspace") String workspace) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        projects.archivalsOf(workspace).forEach(archival -> list.add(json(archival)));
        return Json.createObjectBuilder().add("archivals", list).build();
    }

    /** {@code {"name": "..."}}, a non-blank name of at most 200 characters; anything else is a 400. */
    private static String name(String body) {
        JsonObject json;
        try {
            json = Json.createReader(new StringReader(body == null ? "" : body)).readObject();
        } catch (JsonParsingException | IllegalStateException e) {
            throw BadRequest.of("INVALID_JSON", "The body must be a JSON object.");
        }
        JsonValue name = json.get("name");
        if (!(name instanceof JsonString text) || text.getString().isBlank()
                || text.getString().length() > MAX_NAME) {
            throw BadRequest.of("INVALID_REQUEST", "name must be a non-blank string of at most " + MAX_NAME
                    + " characters.");
        }
        return text.getString().strip();
    }

    private static JsonObject json(Project project) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", project.id()).add("name", project.name())
                .add("createdAt", project.createdAt().toString());
        add(json, "archivedAt", project.archivedAt());
        return add(json, "archivedBy", project.archivedBy()).build();
    }

    private static JsonObject json(Archival archival) {
        return Json.createObjectBuilder().add("stripeEventId", archival.stripeEventId())
                .add("projects", archival.projects()).add("at", archival.at().toString()).build();
    }

    private static JsonObjectBuilder add(JsonObjectBuilder json, String name, Object value) {
        return value == null ? json.addNull(name) : json.add(name, value.toString());
    }
}
