package dev.portico.web.workspace;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.web.Jsons;
import dev.portico.web.error.ApiError;
import dev.portico.web.error.FeatureJson;
import dev.portico.web.identity.CallerResolver;
import dev.portico.web.identity.Roles;
import dev.portico.workspace.api.AccessDecision;
import dev.portico.workspace.api.FeatureDecision;
import dev.portico.workspace.api.Operation;
import dev.portico.workspace.boundary.Enforcement;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The guard's answer over HTTP, for services outside the EAR and gateways' forward-auth checks:
 * may the token's workspace read, or write, now? {@code 200} when it may, {@code 402} when not,
 * both with the decision ({@code workspaceId, access, code, message, until}; the refusal also
 * carries {@code error}). Served from the guard's own cache: no database read for a workspace
 * held. The operation is {@code operation=read|write} or the gateway's {@code X-Forwarded-Method}
 * (GET, HEAD and OPTIONS read; anything else writes), the stricter when both are given; a POST,
 * PUT, PATCH or DELETE check is a write's whatever they say (they only ever make a check
 * stricter). A gateway that knows the workspace a request is for passes {@code workspace=}: a
 * token of another workspace is then refused with {@code 403 OTHER_WORKSPACE}.
 *
 * <p>For gateways, every decision also travels as headers ({@code X-Portico-Workspace},
 * {@code X-Portico-Access}, {@code X-Portico-Code} when less than full) that a gateway can hand to
 * the service behind it; and {@code refusedStatus=403} answers a refusal with 403 instead of 402,
 * since nginx's {@code auth_request} takes any status but 2xx, 401 and 403 for a failure of the
 * check itself. POST, PUT, PATCH and DELETE ask the same, for that method (Envoy's ext_authz).
 *
 * <p>{@code feature=exports} asks {@code @Entitled}'s question too (alone, or with the operation):
 * the answer adds {@code feature}, {@code included} and the {@code plans} that include it, and a
 * plan without it is refused with {@code FEATURE_NOT_IN_PLAN} (after a billing refusal, which wins).
 */
@Path("access")
@RolesAllowed(Roles.ANY_TOKEN)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccessResource {

    private static final Set<String> READING_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern FEATURE_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,80}");

    @Inject
    CallerResolver callers;

    @Inject
    Enforcement enforcement;

    @Context
    SecurityContext security;

    @GET
    public Response check(@BeanParam AccessQuery query) {
        return decide(query, null);
    }

    /*
     * The same check sent with the checked request's own method, as Envoy's ext_authz does (its HTTP
     * mode forwards the method and drops the body): that method is the one checked unless
     * X-Forwarded-Method or operation= say otherwise.
     */

    @POST
    public Response checkPost(@BeanParam AccessQuery query) {
        return decide(query, HttpMethod.POST);
    }

    @PUT
    public Response checkPut(@BeanParam AccessQuery query) {
        return decide(query, HttpMethod.PUT);
    }

    @PATCH
    public Response checkPatch(@BeanParam AccessQuery query) {
        return decide(query, HttpMethod.PATCH);
    }

    @DELETE
    public Response checkDelete(@BeanParam AccessQuery query) {
        return decide(query, HttpMethod.DELETE);
    }

    private Response decide(AccessQuery query, String ownMethod) {
        Optional<String> feature = feature(query.feature);
        Optional<Operation> wanted = operation(query.operation, query.forwardedMethod, ownMethod, feature.isPresent());
        int refusal = refusalStatus(query.refusedStatus);
        String named = query.workspace;
        WorkspaceId workspace = callers.resolve(security).requireWorkspace();
        if (named != null && !named.equals(workspace.value())) {
            throw new ApiError(403, "OTHER_WORKSPACE", "The token acts for another workspace than the one named.");
        }
        AccessDecision decision = enforcement.decide(workspace);
        if (wanted.isPresent() && !decision.allows(wanted.get())) {
            return refused(refusal, decision.code(), decision.message(), workspace, decision, Optional.empty());
        }
        Optional<FeatureDecision> entitled = feature.map(key -> enforcement.entitled(workspace, key));
        if (entitled.isPresent() && !entitled.get().included()) {
            return refused(refusal, FeatureJson.FEATURE_NOT_IN_PLAN, entitled.get().message(), workspace, decision, entitled);
        }
        return headers(Response.ok(body(Jsons.object(), workspace, decision, entitled, decision.message()).build()),
                workspace, decision, null);
    }

    private static Response refused(int status, String code, String message, WorkspaceId workspace, AccessDecision decision,
                                    Optional<FeatureDecision> entitled) {
        JsonObjectBuilder error = Jsons.object().add("error", code);
        return headers(Response.status(status).entity(body(error, workspace, decision, entitled, message).build()),
                workspace, decision, code);
    }

    /** A feature key as {@code @Entitled} names one, or empty when none is asked. */
    private static Optional<String> feature(String feature) {
        if (feature == null) {
            return Optional.empty();
        }
        if (!FEATURE_KEY.matcher(feature).matches()) {
            throw ApiError.invalidRequest("feature must be a feature key: 1 to 80 letters, digits, '_', '.', ':' or '-'.");
        }
        return Optional.of(feature);
    }

    private static int refusalStatus(String refusedStatus) {
        if (refusedStatus == null || refusedStatus.equals("402")) {
            return 402;
        }
        if (refusedStatus.equals("403")) {
            return 403;
        }
        throw ApiError.invalidRequest("refusedStatus must be 402 or 403.");
    }

    /** {@code code}: the refusal's, else the billing reason when access is less than full. */
    private static Response headers(Response.ResponseBuilder response, WorkspaceId workspace, AccessDecision decision,
                                    String code) {
        response.header("X-Portico-Workspace", workspace.value()).header("X-Portico-Access", decision.access().wireName());
        String named = code != null ? code : decision.code();
        if (named != null) {
            response.header("X-Portico-Code", named);
        }
        return response.build();
    }

    /**
     * The operation checked: the strictest that the call's own method (POST, PUT, PATCH and DELETE
     * write), {@code operation=} and {@code X-Forwarded-Method} name, so neither of the last two,
     * which a gateway may pass on from its client, can make a write's check a read's. None when
     * only a feature is asked of a plain GET.
     */
    private static Optional<Operation> operation(String operation, String forwardedMethod, String ownMethod,
                                                 boolean featureAsked) {
        List<Operation> named = new ArrayList<>();
        if (operation != null) {
            named.add(switch (operation) {
                case "read" -> Operation.READ;
                case "write" -> Operation.WRITE;
                default -> throw ApiError.invalidRequest("operation must be read or write.");
            });
        }
        if (forwardedMethod != null && !forwardedMethod.isBlank()) {
            named.add(READING_METHODS.contains(forwardedMethod.trim().toUpperCase(Locale.ROOT)) ? Operation.READ
                    : Operation.WRITE);
        }
        if (ownMethod != null) {
            named.add(Operation.WRITE);
        }
        if (named.isEmpty() && featureAsked) {
            return Optional.empty();
        }
        if (named.isEmpty()) {
            throw ApiError.invalidRequest("operation must be read or write (or the request carry X-Forwarded-Method, or"
                    + " ask for a feature=).");
        }
        return Optional.of(named.contains(Operation.WRITE) ? Operation.WRITE : Operation.READ);
    }

    /** The decision; {@code message} is the refusal's, or the billing decision's when allowed. */
    private static JsonObjectBuilder body(JsonObjectBuilder json, WorkspaceId workspace, AccessDecision decision,
                                          Optional<FeatureDecision> entitled, String message) {
        json.add("workspaceId", workspace.value()).add("access", decision.access().wireName());
        Jsons.addOrNull(json, "code", decision.code()).add("message", message);
        entitled.ifPresent(feature -> FeatureJson.add(json, feature));
        return Jsons.addOrNull(json, "until", decision.until());
    }
}
