package dev.portico.it.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.Gateway;
import dev.portico.it.support.Gateway.Received;
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.Tokens;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A service outside the EAR behind Debian's nginx, which asks Portico's {@code GET /api/access} before
 * every request ({@code auth_request}, the repository's {@code examples/gateway/nginx.conf}): reads of a
 * past-due workspace pass, its writes stop at the gateway with Portico's 402, and the service learns
 * the workspace from the gateway, never from the client. The check does not depend on the database:
 * the PostgreSQL pass leaves this class out (ear/pom.xml).
 */
class GatewayIT extends DeployedEar {

    private static final Instant PERIOD_END = Instant.parse("2031-03-01T10:00:00Z");
    private static final Instant EVENT_TIME = Instant.parse("2026-08-10T00:00:00Z");

    private static Gateway gateway;

    @BeforeAll
    static void startTheGateway() {
        assumeTrue(Files.isExecutable(Gateway.NGINX), "Debian's nginx is not installed: the gateway test is skipped");
        gateway = Gateway.start();
    }

    @AfterAll
    static void stopTheGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aPastDueWorkspaceReadsThroughTheGatewayButItsWritesStopThere() {
        String workspace = workspaceIn("past_due");
        String token = Tokens.member(workspace);

        Reply read = gateway.api().get("app/reports", token);
        Reply write = gateway.api().post("app/reports", token, "{\"title\": \"Q3\"}");

        assertEquals(200, read.status(), read::toString);
        assertEquals(402, write.status(), write::toString);
        assertEquals("PAYMENT_PAST_DUE", write.error());
        assertEquals("read-only", write.json().getString("access"));
        assertEquals(List.of(new Received("GET", "/app/reports", workspace, "read-only")), gateway.received().stream()
                .filter(each -> workspace.equals(each.workspace())).toList(), "only the read reached the service");
    }

    @Test
    void anActiveWorkspaceWritesThroughAndTheServiceTrustsOnlyTheGatewaysWorkspace() {
        String workspace = workspaceIn("active");

        Reply write = gateway.api().postWithHeaders("app/reports", Tokens.member(workspace), "{\"title\": \"Q3\"}",
                "X-Portico-Workspace", "ws-somebody-else");

        assertEquals(200, write.status(), write::toString);
        assertEquals(true, gateway.received().contains(new Received("POST", "/app/reports", workspace, "full")),
                () -> "the service saw the token's workspace: " + gateway.received());
    }

    @Test
    void callsWithoutAUsableTokenStopAtTheGateway() {
        int before = gateway.received().size();

        Reply anonymous = gateway.api().get("app/reports", null);
        Reply forged = gateway.api().get("app/reports", forgedToken());
        Reply noWorkspace = gateway.api().post("app/reports", Tokens.builder().groups("member").sign(), "{}");

        assertEquals(401, anonymous.status(), anonymous::toString);
        assertEquals("UNAUTHENTICATED", anonymous.error());
        assertEquals(401, forged.status(), forged::toString);
        assertEquals(403, noWorkspace.status(), noWorkspace::toString);
        assertEquals("FORBIDDEN", noWorkspace.error());
        assertEquals(before, gateway.received().size(), "nothing reached the service");
    }

    @Test
    void theCheckTellsItsDecisionInHeadersAndRefusesWith403WhenAsked() {
        String workspace = workspaceIn("past_due");
        String token = Tokens.member(workspace);

        Reply refused = api.get("api/access?operation=write&refusedStatus=403", token);
        Reply allowed = api.get("api/access?operation=read&refusedStatus=403", token);
        Reply unknown = api.get("api/access?operation=write&refusedStatus=500", token);

        assertEquals(403, refused.status(), refused::toString);
        assertEquals("PAYMENT_PAST_DUE", refused.error());
        assertEquals("PAYMENT_PAST_DUE", refused.header("X-Portico-Code"));
        assertEquals(200, allowed.status(), allowed::toString);
        assertEquals(workspace, allowed.header("X-Portico-Workspace"));
        assertEquals("read-only", allowed.header("X-Portico-Access"));
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals("INVALID_REQUEST", unknown.error());
    }

    @Test
    void theCheckAnswersForTheMethodItIsCalledWithAsEnvoysExtAuthzCallsIt() {
        String pastDue = Tokens.member(workspaceIn("past_due"));
        String active = Tokens.member(workspaceIn("active"));

        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            Reply refused = api.send(method, "api/access", pastDue, null);
            Reply allowed = api.send(method, "api/access", active, null);
            // A gateway may pass its client's headers on: they only ever make the check stricter.
            Reply readAsked = api.send(method, "api/access", pastDue, null, "X-Forwarded-Method", "GET");

            assertEquals(402, refused.status(), () -> method + ": " + refused);
            assertEquals("PAYMENT_PAST_DUE", refused.error());
            assertEquals(200, allowed.status(), () -> method + ": " + allowed);
            assertEquals(402, readAsked.status(), () -> method + " with a client's X-Forwarded-Method: GET: " + readAsked);
            assertEquals(402, api.send(method, "api/access?operation=read", pastDue, null).status(), method + " ?operation=read");
        }
    }

    private static String forgedToken() {
        try {
            return Tokens.builder().workspace(Tokens.newWorkspace()).forged().sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String workspaceIn(String status) {
        return StripeEvents.subscribed(api, status, PERIOD_END, EVENT_TIME).workspace();
    }
}
