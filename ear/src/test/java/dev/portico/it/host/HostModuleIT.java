package dev.portico.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.billing.testing.EventJson;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.RunningEar;
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.StripeEvents.Story;
import dev.portico.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * A product built on Portico: the example product's EAR ({@code examples/product-ear}, Portico plus
 * the "projects" module of {@code examples/host-module}) on the real server. The product's own
 * resources are guarded by billing, its observer archives once per Stripe event, and Portico's own
 * endpoints answer beside it as in Portico's EAR.
 */
class HostModuleIT extends RunningEar {

    private static final Instant PERIOD_END = Instant.parse("2031-03-01T10:00:00Z");
    private static final Instant EVENT_TIME = Instant.parse("2026-08-10T00:00:00Z");

    @Deployment(testable = false)
    public static EnterpriseArchive productEar() {
        return withTestSwitches(System.getProperty("product.ear"), "product.ear");
    }

    @Test
    void theGuardRefusesTheProductsWritesWhilePastDueAndStillLetsItRead() {
        Story story = subscribed("active");
        Reply created = create(story.workspace(), "Website relaunch");
        assertEquals(201, created.status(), created::toString);

        deliver(story.subscriptionEvent("past_due", false, PERIOD_END, EVENT_TIME.plusSeconds(60)));

        Reply refused = create(story.workspace(), "Another one");
        Reply listed = api.get(projects(story.workspace()), Tokens.member(story.workspace()));
        assertEquals(402, refused.status(), refused::toString);
        assertEquals("PAYMENT_PAST_DUE", refused.error());
        assertEquals("read-only", refused.json().getString("access"));
        assertEquals(200, listed.status(), listed::toString);
        assertEquals(List.of("Website relaunch"), names(listed.json()), "the refused write stored nothing");

        deliver(story.subscriptionEvent("active", false, PERIOD_END, EVENT_TIME.plusSeconds(120)));
        assertEquals(201, create(story.workspace(), "Another one").status(), "paid again: writes again");
    }

    @Test
    void theProductsResourcesAnswerTheTokensWorkspaceOnly() {
        Story alpha = subscribed("active");
        String beta = Tokens.newWorkspace();
        assertEquals(201, create(alpha.workspace(), "Alpha's").status());

        Reply betaReadsAlpha = api.get(projects(alpha.workspace()), Tokens.member(beta));
        Reply anonymous = api.get(projects(alpha.workspace()), null);
        Reply noWorkspace = api.get(projects(alpha.workspace()), Tokens.builder().groups("member").sign());
        Reply unsubscribedWrite = create(beta, "Beta's");
        Reply badBody = api.post(projects(alpha.workspace()), Tokens.member(alpha.workspace()), "{\"name\": \" \"}");

        assertEquals(404, betaReadsAlpha.status(), betaReadsAlpha::toString);
        assertEquals("NOT_FOUND", betaReadsAlpha.error());
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertEquals(403, noWorkspace.status(), noWorkspace::toString);
        assertEquals("NO_WORKSPACE", noWorkspace.error());
        assertEquals(402, unsubscribedWrite.status(), unsubscribedWrite::toString);
        assertEquals("NO_SUBSCRIPTION", unsubscribedWrite.error());
        assertEquals(400, badBody.status(), badBody::toString);
        assertEquals("INVALID_REQUEST", badBody.error());
    }

    @Test
    void theProductsObserverArchivesOncePerStripeEventWhenTheSubscriptionEnds() {
        Story story = subscribed("active");
        create(story.workspace(), "First");
        create(story.workspace(), "Second");
        EventJson ended = story.subscriptionEvent("canceled", false, PERIOD_END, EVENT_TIME.plusSeconds(60));

        deliver(ended);
        Reply again = StripeEvents.deliver(api, ended);
        StripeEvents.deliver(api, ended);
        deliver(story.subscriptionEvent("canceled", false, PERIOD_END, EVENT_TIME.plusSeconds(120)));

        assertTrue(again.json().getBoolean("duplicate"), again::toString);
        String token = Tokens.member(story.workspace());
        JsonObject listed = api.get(projects(story.workspace()), token).json();
        List<JsonObject> archivals = api.get(projects(story.workspace()) + "/archivals", token).json()
                .getJsonArray("archivals").getValuesAs(JsonObject.class);
        assertEquals(1, archivals.size(), () -> "one archival for the ended subscription: " + archivals);
        assertEquals(ended.string("id"), archivals.get(0).getString("stripeEventId"));
        assertEquals(2, archivals.get(0).getInt("projects"));
        for (JsonObject project : listed.getJsonArray("projects").getValuesAs(JsonObject.class)) {
            assertEquals(ended.string("id"), project.getString("archivedBy"), project::toString);
        }
        Reply write = create(story.workspace(), "Third");
        assertEquals(402, write.status(), "canceled: read-only until the paid period ends");
        assertEquals("SUBSCRIPTION_CANCELED", write.error());
    }

    @Test
    void porticosOwnEndpointsAnswerBesideTheProduct() {
        Story story = subscribed("active");
        String token = Tokens.member(story.workspace());

        Reply status = api.get("api/billing/subscription", token);
        Reply notes = api.post("api/workspaces/" + story.workspace() + "/notes", token, "{\"text\": \"hello\"}");
        Reply access = api.get("api/access?operation=write", token);
        Reply ready = api.get("health/ready", null);

        assertEquals(200, status.status(), status::toString);
        assertEquals("active", status.json().getString("status"));
        assertEquals(201, notes.status(), notes::toString);
        assertEquals(200, access.status(), access::toString);
        assertEquals(200, ready.status(), ready::toString);
        assertEquals(JsonValue.NULL, access.json().get("code"));
    }

    private Reply create(String workspace, String name) {
        return api.post(projects(workspace), Tokens.member(workspace), "{\"name\": \"" + name + "\"}");
    }

    private static String projects(String workspace) {
        return "projects/api/workspaces/" + workspace + "/projects";
    }

    private static List<String> names(JsonObject listed) {
        return listed.getJsonArray("projects").getValuesAs(JsonObject.class).stream()
                .map(project -> project.getString("name")).toList();
    }

    private Story subscribed(String status) {
        return StripeEvents.subscribed(api, status, PERIOD_END, EVENT_TIME);
    }

    private void deliver(EventJson event) {
        StripeEvents.deliverSettled(api, event);
    }
}
