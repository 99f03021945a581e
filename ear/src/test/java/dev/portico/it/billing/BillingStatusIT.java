package dev.portico.it.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
