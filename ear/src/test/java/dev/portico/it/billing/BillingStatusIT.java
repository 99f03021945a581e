package dev.portico.it.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.it.support.Api;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /api/billing/subscription} and the API's error shape, through the deployed EAR. */
class BillingStatusIT extends DeployedEar {

    private static final String PATH = "api/billing/subscription";

    @Test
    void anyMemberReadsTheStatusOfTheirWorkspace() {
        String workspace = Tokens.newWorkspace();

        Reply reply = api.get(PATH, Tokens.member(workspace));

        assertEquals(200, reply.status(), reply::toString);
        JsonObject status = reply.json();
        assertEquals(workspace, status.getString("workspaceId"));
        assertEquals("none", status.getString("status"));
        assertEquals(JsonValue.NULL, status.get("plan"));
        assertEquals(JsonValue.NULL, status.get("currentPeriodEnd"));
        assertFalse(status.getBoolean("cancelAtPeriodEnd"));
        assertEquals("read-only", status.getString("access"));
    }

    @Test
    void theWorkspaceComesFromTheTokenOnly() {
        String alpha = Tokens.newWorkspace();
        String beta = Tokens.newWorkspace();

        Reply reply = api.get(PATH + "?workspaceId=" + alpha, Tokens.member(beta));

        assertEquals(beta, reply.json().getString("workspaceId"));
    }

    @Test
    void readingNeedsAValidTokenNamingAWorkspace() {
        Reply anonymous = api.get(PATH, null);
        Reply noWorkspace = api.get(PATH, Tokens.builder().groups("member").sign());
        Reply badWorkspace = api.get(PATH, Tokens.builder().workspace("../../etc").groups("member").sign());

        assertEquals(401, anonymous.status(), anonymous::toString);
        assertEquals("UNAUTHENTICATED", anonymous.error());
        assertEquals("Bearer", anonymous.header("WWW-Authenticate"));
        assertEquals(403, noWorkspace.status(), noWorkspace::toString);
        assertEquals("NO_WORKSPACE", noWorkspace.error());
        assertEquals(403, badWorkspace.status(), badWorkspace::toString);
        assertEquals("NO_WORKSPACE", badWorkspace.error());
    }

    @Test
    void eachEndpointAdmitsWhomItDeclares() {
        String workspace = Tokens.newWorkspace();
        String member = Tokens.member(workspace);
        String noGroups = Tokens.builder().workspace(workspace).sign();
        List<String[]> adminOnly = List.of(new String[] {"POST", "api/billing/portal-session"},
                new String[] {"GET", "api/billing/events"}, new String[] {"POST", "api/billing/events/evt_1/retry"},
                new String[] {"GET", "api/notifications/log"}, new String[] {"GET", "api/notifications/preferences"},
                new String[] {"PUT", "api/notifications/preferences"});

        for (String[] endpoint : adminOnly) {
            Reply anonymous = api.send(endpoint[0], endpoint[1], null, null);
            Reply asMember = api.send(endpoint[0], endpoint[1], member, null);
            assertEquals(401, anonymous.status(), String.join(" ", endpoint) + ": " + anonymous);
            assertEquals("UNAUTHENTICATED", anonymous.error());
            assertEquals(403, asMember.status(), String.join(" ", endpoint) + ": " + asMember);
            assertEquals("FORBIDDEN", asMember.error());
        }
        assertEquals(200, api.get(PATH, noGroups).status(), "any valid token reads, even one without groups");
        assertEquals(200, api.get("api/workspaces/" + workspace + "/notes", noGroups).status());
        assertEquals(401, api.get("api/workspaces/" + workspace + "/notes", null).status());
    }

    @Test
    void onlyGenuineUnexpiredTokensOfTheIssuerAreAccepted() throws Exception {
        String workspace = Tokens.newWorkspace();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("alg none", Tokens.builder().workspace(workspace).unsigned());
        refused.put("HS256 keyed with the RSA public key", Tokens.builder().workspace(workspace).hmacWithThePublicKey());
        refused.put("no exp", Tokens.builder().workspace(workspace).withoutExpiry().sign());
        refused.put("expired", Tokens.builder().workspace(workspace).issued(Duration.ofHours(2), Duration.ofHours(1)).sign());
        refused.put("another issuer", Tokens.builder().workspace(workspace).issuer("https://issuer.evil.example").sign());
        refused.put("another key", Tokens.builder().workspace(workspace).forged().sign());
        refused.put("minted for another service", Tokens.builder().workspace(workspace).audience("billing-reports").sign());
        refused.put("no audience", Tokens.builder().workspace(workspace).audience(null).sign());

        refused.forEach((why, token) -> {
            Reply reply = api.get(PATH, token);
            assertEquals(401, reply.status(), why + ": " + reply);
            assertEquals("UNAUTHENTICATED", reply.error(), why);
        });
        Reply huge = api.http11().get(PATH, "a".repeat(60 * 1024));
        assertTrue(huge.status() >= 400 && huge.status() < 500, "a 60 KB Authorization header: " + huge.status());
        assertEquals(200, api.get(PATH, Tokens.builder().workspace(workspace).sign()).status(), "the same claims, genuine");
    }

    @Test
    void apiAnswersAreNeitherSniffedNorCachedAndSayNoVersion() {
        Reply ok = api.get(PATH, Tokens.member(Tokens.newWorkspace()));
        Reply refused = api.get(PATH, null);
        Reply health = api.get("api/health", null);
        // HTTP/1.1 too (curl, most proxies): Payara writes its banners there, never over h2c.
        Reply okHttp11 = api.http11().get(PATH, Tokens.member(Tokens.newWorkspace()));

        for (Reply reply : List.of(ok, refused, health, okHttp11)) {
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply::toString);
            assertEquals("no-store", reply.header("Cache-Control"), reply::toString);
            assertNull(reply.header("Server"), reply::toString);
            assertNull(reply.header("X-Powered-By"), reply::toString);
        }
    }

    /**
     * Issue 31: the headers follow the path the container maps, so path parameters, which it
     * strips before mapping, do not lose them: the API stays uncached, and the page a browser
     * lands on (after the container's redirect of a directory, which carries no content) keeps
     * its policy.
     */
    @Test
    void pathParametersLoseNeitherNoStoreNorThePagePolicy() {
        String token = Tokens.member(Tokens.newWorkspace());
        for (String path : List.of("api;x/billing/subscription", "api/billing;x/subscription", "api;x/health")) {
            Reply reply = api.http11().get(path, token);
            assertEquals("no-store", reply.header("Cache-Control"), path + ": " + reply);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), path);
        }
        for (String path : List.of("billing;x/", "billing/;x", "billing/return;x/", "insights;x/", "billing/index.html;x")) {
            Reply landed = landedOn(path);
            String policy = landed.header("Content-Security-Policy");
            assertEquals(200, landed.status(), path + ": " + landed);
            assertTrue(policy != null && policy.contains("script-src 'self'"), path + ": " + policy);
        }
    }

    /**
     * The answer a browser ends up with for {@code path}: redirects on this server followed (at most
     * 3; a redirect's own body is never shown).
     */
    private Reply landedOn(String path) {
        Reply reply = api.http11().get(path, null);
        for (int hop = 0; hop < 3 && reply.status() / 100 == 3; hop++) {
            URI base = URI.create(Api.BASE);
            URI target = base.resolve(reply.header("Location"));
            assertEquals(base.getPort(), target.getPort(), "a redirect stays on this server: " + target);
            reply = api.http11().get(target.getRawPath().substring(1) + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()),
                    null);
        }
        return reply;
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheErrorShape() {
        String token = Tokens.member(Tokens.newWorkspace());

        Reply unknown = api.get("api/billing/nothing-here", token);
        Reply wrongMethod = api.post(PATH, token, "{}");

        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("NOT_FOUND", unknown.error());
        assertEquals(405, wrongMethod.status(), wrongMethod::toString);
        assertEquals("METHOD_NOT_ALLOWED", wrongMethod.error());
        assertTrue(wrongMethod.json().getString("message").length() > 0);
    }
}
