package dev.portico.it.workspace;

import static dev.portico.it.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portico.billing.testing.EventJson;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DatabaseUnderTest;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.ServerClock;
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.StripeEvents.Story;
import dev.portico.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @Guarded} through the deployed EAR: real signed webhooks set a workspace's billing state,
 * then the guarded example ({@code /api/workspaces/{id}/notes}) answers by the enforcement table.
 */
class EnforcementIT extends DeployedEar {

    private static final Instant PERIOD_END = Instant.parse("2031-03-01T10:00:00Z");
    /** Later than every example event, so the events built here are the newest state. */
    private static final Instant EVENT_TIME = Instant.parse("2026-08-10T00:00:00Z");

    @ParameterizedTest(name = "{0} (cancel at period end: {1})")
    @CsvSource({
        "active, false, 200, 201, full, ",
        "active, true, 200, 201, full, ",
        "trialing, false, 200, 201, full, ",
        "past_due, false, 200, 402, read-only, PAYMENT_PAST_DUE",
        "incomplete, false, 200, 402, read-only, SUBSCRIPTION_INCOMPLETE",
        "paused, false, 200, 402, read-only, SUBSCRIPTION_PAUSED",
        "canceled, false, 200, 402, read-only, SUBSCRIPTION_CANCELED",
        "unpaid, false, 402, 402, none, SUBSCRIPTION_UNPAID",
        "incomplete_expired, false, 402, 402, none, SUBSCRIPTION_EXPIRED"
    })
    void everyRowOfTheTable(String status, boolean cancelAtPeriodEnd, int read, int write, String access, String code) {
        Story story = subscribed();
        deliver(story.subscriptionEvent(status, cancelAtPeriodEnd, PERIOD_END, EVENT_TIME));

        assertAccess(story.workspace(), read, write, access, code);
    }

    @Test
    void aWorkspaceWithoutSubscriptionReadsButDoesNotWrite() {
        String workspace = Tokens.newWorkspace();

        assertAccess(workspace, 200, 402, "read-only", "NO_SUBSCRIPTION");
    }

    @Test
    void aCanceledWorkspaceIsReadOnlyUntilThePaidPeriodEndsThenBlocked() {
        Story story = subscribed();
        deliver(story.subscriptionEvent("canceled", false, PERIOD_END, EVENT_TIME));

        ServerClock.set(api, PERIOD_END.minusSeconds(1));
        assertAccess(story.workspace(), 200, 402, "read-only", "SUBSCRIPTION_CANCELED");

        ServerClock.set(api, PERIOD_END.plusSeconds(1));
        assertAccess(story.workspace(), 402, 402, "none", "SUBSCRIPTION_EXPIRED");
    }

    @Test
    void payingThePastDueInvoiceRestoresWrites() {
        Story story = subscribed();
        deliver(story.subscriptionEvent("past_due", false, PERIOD_END, EVENT_TIME));
        assertEquals(402, write(story.workspace()).status());

        deliver(story.subscriptionEvent("active", false, PERIOD_END, EVENT_TIME.plusSeconds(60)));

        assertAccess(story.workspace(), 200, 201, "full", null);
    }

    @Test
    void resumingAfterAScheduledCancelKeepsFullAccessAndResumingAPauseRestoresIt() {
        Story story = subscribed();
        deliver(story.subscriptionEvent("active", true, PERIOD_END, EVENT_TIME));
        assertAccess(story.workspace(), 200, 201, "full", null);
        deliver(story.subscriptionEvent("active", false, PERIOD_END, EVENT_TIME.plusSeconds(60)));
        assertAccess(story.workspace(), 200, 201, "full", null);

        deliver(story.subscriptionEvent("paused", false, PERIOD_END, EVENT_TIME.plusSeconds(120)));
        assertAccess(story.workspace(), 200, 402, "read-only", "SUBSCRIPTION_PAUSED");
        deliver(story.subscriptionEvent("active", false, PERIOD_END, EVENT_TIME.plusSeconds(180)));
        assertAccess(story.workspace(), 200, 201, "full", null);
    }

    @Test
    void aChangeAnotherNodeWroteIsEnforcedHereWithinTheRefreshNotTheCacheTtl() throws Exception {
        assumeTrue(DatabaseUnderTest.postgresql(),
                "writes the shared database as another node would: runs in the PostgreSQL pass");
        Story story = subscribed();
        deliver(story.subscriptionEvent("active", false, PERIOD_END, EVENT_TIME));
        assertEquals(201, write(story.workspace()).status(), "cached here: full access");

        // Another node applied a past-due event: its mirror wrote the shared copy; nothing told this node.
        try (Connection db = DriverManager.getConnection(System.getProperty("it.postgres.url"), "postgres", "");
             PreparedStatement update = db.prepareStatement("UPDATE workspace_billing_standing SET status = 'past_due',"
                     + " status_since = ?, as_of = ?, changed_at = ? WHERE workspace_id = ?")) {
            Timestamp later = Timestamp.from(EVENT_TIME.plusSeconds(60));
            update.setTimestamp(1, later);
            update.setTimestamp(2, later);
            update.setTimestamp(3, Timestamp.from(Instant.now()));
            update.setString(4, story.workspace());
            assertEquals(1, update.executeUpdate());
        }

        // Well under the cache's 30 s TTL: only the refresh can have brought the change here.
        Reply refused = eventually(() -> write(story.workspace()), reply -> reply.status() == 402, Duration.ofSeconds(5));
        assertEquals(402, refused.status(), refused::toString);
        assertEquals("PAYMENT_PAST_DUE", refused.error());
    }

    @Test
    void anOlderEventDeliveredLateDoesNotChangeAccess() {
        Story story = subscribed();
        deliver(story.subscriptionEvent("past_due", false, PERIOD_END, EVENT_TIME.plusSeconds(60)));
        deliver(story.subscriptionEvent("active", false, PERIOD_END, EVENT_TIME));

        assertAccess(story.workspace(), 200, 402, "read-only", "PAYMENT_PAST_DUE");
    }

    @Test
    void anotherWorkspacesResourcesDoNotExistForTheCaller() {
        Story alpha = subscribed();
        deliver(alpha.subscriptionEvent("active", false, PERIOD_END, EVENT_TIME));
        String beta = Tokens.newWorkspace();
        String alphaToken = Tokens.member(alpha.workspace());
        assertEquals(201, write(alpha.workspace()).status());

        Reply readBeta = api.get(notes(beta), alphaToken);
        Reply writeBeta = api.post(notes(beta), alphaToken, "{\"text\": \"hello\"}");
        Reply readNobody = api.get(notes("ws-does-not-exist-" + UUID.randomUUID()), alphaToken);
        Reply betaReadsOwn = api.get(notes(beta), Tokens.member(beta));

        assertEquals(404, readBeta.status(), readBeta::toString);
        assertEquals("NOT_FOUND", readBeta.error());
        assertEquals(404, writeBeta.status(), writeBeta::toString);
        assertEquals(readNobody.body(), readBeta.body(), "same answer as for a workspace that does not exist");
        assertEquals(200, betaReadsOwn.status(), betaReadsOwn::toString);
        assertEquals(0, betaReadsOwn.json().getJsonArray("notes").size(), "alpha's note stays alpha's");
    }

    @Test
    void guardedCallsNeedATokenNamingAWorkspaceAndAValidBody() {
        Story story = subscribed();
        deliver(story.subscriptionEvent("active", false, PERIOD_END, EVENT_TIME));
        String token = Tokens.member(story.workspace());

        Reply anonymous = api.get(notes(story.workspace()), null);
        Reply noWorkspace = api.get(notes(story.workspace()), Tokens.builder().groups("member").sign());
        Reply notJson = api.post(notes(story.workspace()), token, "text=hello");
        Reply emptyText = api.post(notes(story.workspace()), token, "{\"text\": \"  \"}");
        Reply unknownField = api.post(notes(story.workspace()), token, "{\"text\": \"hi\", \"pinned\": true}");

        assertEquals(401, anonymous.status(), anonymous::toString);
        assertEquals("UNAUTHENTICATED", anonymous.error());
        assertEquals(403, noWorkspace.status(), noWorkspace::toString);
        assertEquals("NO_WORKSPACE", noWorkspace.error());
        assertEquals("INVALID_JSON", notJson.error());
        assertEquals("INVALID_REQUEST", emptyText.error());
        assertEquals("INVALID_REQUEST", unknownField.error());
        assertEquals(400, unknownField.status());
    }

    /** Checks the guarded read and write, and that the subscription endpoint reports the same access. */
    private void assertAccess(String workspace, int read, int write, String access, String code) {
        String token = Tokens.member(workspace);
        Reply reading = api.get(notes(workspace), token);
        Reply writing = write(workspace);
        JsonObject subscription = api.get("api/billing/subscription", token).json();

        assertEquals(read, reading.status(), () -> "read: " + reading);
        assertEquals(write, writing.status(), () -> "write: " + writing);
        for (Reply refused : new Reply[] {reading, writing}) {
            if (refused.status() == 402) {
                assertEquals(code, refused.error(), refused::toString);
                assertEquals(access, refused.json().getString("access"), refused::toString);
                assertEquals(false, refused.json().getString("message").isBlank());
            }
        }
        if (read == 200) {
            assertEquals(workspace, reading.json().getString("workspaceId"));
        }
        assertEquals(access, subscription.getString("access"), subscription::toString);
        assertEquals(code == null ? "null" : "\"" + code + "\"", subscription.get("accessCode").toString());
        assertAccessCheck(workspace, "read", read == 200, access, code);
        assertAccessCheck(workspace, "write", write == 201, access, code);
    }

    /** {@code GET /api/access} says what the guard does: 200 when allowed, else 402, the same decision in both. */
    private void assertAccessCheck(String workspace, String operation, boolean allowed, String access, String code) {
        Reply check = api.get("api/access?operation=" + operation, Tokens.member(workspace));
        assertEquals(allowed ? 200 : 402, check.status(), () -> operation + ": " + check);
        JsonObject decision = check.json();
        assertEquals(workspace, decision.getString("workspaceId"));
        assertEquals(access, decision.getString("access"), decision::toString);
        assertEquals(code == null ? "null" : "\"" + code + "\"", decision.get("code").toString());
        assertEquals(false, decision.getString("message").isBlank());
        if (allowed) {
            assertEquals(false, decision.containsKey("error"), decision::toString);
        } else {
            assertEquals(code, check.error(), "a refusal reads as an error too");
        }
    }

    @Test
    void theAccessCheckSaysUntilWhenAndFollowsTheGatewaysMethod() {
        Story story = subscribed();
        deliver(story.subscriptionEvent("canceled", false, PERIOD_END, EVENT_TIME));
        String active = activeWorkspace();
        ServerClock.set(api, PERIOD_END.minus(Duration.ofDays(1)));
        String token = Tokens.member(story.workspace());

        Reply read = api.get("api/access?operation=read", token);
        Reply viaGet = api.send("GET", "api/access", token, null, "X-Forwarded-Method", "GET");
        Reply viaDelete = api.send("GET", "api/access", token, null, "X-Forwarded-Method", "delete");
        Reply neither = api.get("api/access", token);
        Reply unknown = api.get("api/access?operation=delete", token);

        assertEquals(200, read.status(), read::toString);
        assertEquals(PERIOD_END.toString(), read.json().getString("until"), "read-only until the paid period ends");
        assertEquals(200, viaGet.status(), viaGet::toString);
        assertEquals(402, viaDelete.status(), viaDelete::toString);
        assertEquals("SUBSCRIPTION_CANCELED", viaDelete.error());
        assertEquals(400, neither.status(), neither::toString);
        assertEquals("INVALID_REQUEST", neither.error());
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals("INVALID_REQUEST", unknown.error());
        Reply full = api.get("api/access?operation=write", Tokens.member(active));
        assertEquals(200, full.status(), full::toString);
        assertEquals(JsonValue.NULL, full.json().get("until"), "full access lasts until billing changes");
    }

    @Test
    void theAccessCheckAnswersForTheTokensWorkspaceOnly() {
        Story pastDue = subscribed();
        deliver(pastDue.subscriptionEvent("past_due", false, PERIOD_END, EVENT_TIME));
        String active = activeWorkspace();

        Reply own = api.get("api/access?operation=write&workspace=" + active, Tokens.member(active));
        Reply other = api.get("api/access?operation=write&workspace=" + pastDue.workspace(), Tokens.member(active));
        Reply pastDueOwn = api.get("api/access?operation=write", Tokens.member(pastDue.workspace()));
        Reply operator = api.get("api/access?operation=read", Tokens.builder().groups("portico-operator").sign());
        Reply anonymous = api.get("api/access?operation=read", null);

        assertEquals(200, own.status(), own::toString);
        assertEquals(403, other.status(), other::toString);
        assertEquals("OTHER_WORKSPACE", other.error());
        assertEquals(false, other.body().contains("PAYMENT_PAST_DUE"), "nothing of the other workspace's billing");
        assertEquals(402, pastDueOwn.status(), pastDueOwn::toString);
        assertEquals(403, operator.status(), operator::toString);
        assertEquals("NO_WORKSPACE", operator.error());
        assertEquals(401, anonymous.status(), anonymous::toString);
    }

    private String activeWorkspace() {
        Story story = subscribed();
        deliver(story.subscriptionEvent("active", false, PERIOD_END, EVENT_TIME));
        return story.workspace();
    }

    private Reply write(String workspace) {
        return api.post(notes(workspace), Tokens.member(workspace), "{\"text\": \"minutes of the meeting\"}");
    }

    private static String notes(String workspace) {
        return "api/workspaces/" + workspace + "/notes";
    }

    /** A workspace whose Stripe customer checkout linked to it. */
    private Story subscribed() {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        deliver(story.event("checkout.session.completed"));
        return story;
    }

    private void deliver(EventJson event) {
        StripeEvents.deliverSettled(api, event);
    }
}
