package dev.portico.it.pipeline;

import static dev.portico.it.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.Eventually;
import dev.portico.it.support.Faults;
import dev.portico.it.support.Mailbox;
import dev.portico.it.support.Pipeline;
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.StripeEvents.Story;
import dev.portico.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline through the deployed EAR: deliveries acknowledged once stored, applied in the
 * background, billing's events delivered to each module's listener in the listener's own
 * transaction, so a failing module undoes nothing of billing's or of another module's.
 */
class PipelineIT extends DeployedEar {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant PERIOD_END = Instant.parse("2031-03-01T10:00:00Z");
    private static final Instant T = Instant.parse("2026-09-10T00:00:00Z");
    private static final String NOTIFIER = "BillingNotifier";

    @BeforeEach
    void smtpUp() {
        Mailbox.start();
    }

    @AfterEach
    void listenersHealed() {
        Faults.heal(api, NOTIFIER);
    }

    @Test
    void aFailingListenerUndoesNothingAndItsEmailGoesOutOnceHealed() {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        StripeEvents.deliverSettled(api, story.event("checkout.session.completed"));
        StripeEvents.deliverSettled(api, story.event("customer.updated")); // the billing contact's email
        StripeEvents.deliverSettled(api, story.subscriptionEvent("active", false, PERIOD_END, T));
        Faults.fail(api, NOTIFIER);

        Reply canceled = StripeEvents.deliver(api, story.subscriptionEvent("canceled", false, PERIOD_END, T.plusSeconds(10)));
        String eventId = canceled.json().getString("id");

        assertEquals(200, canceled.status(), canceled::toString);
        JsonObject applied = eventually(() -> Pipeline.event(api, eventId), e -> !e.getString("outcome").equals("RECEIVED"),
                PATIENCE);
        assertEquals("APPLIED", applied.getString("outcome"), "billing applied it although a listener fails");
        JsonObject status = subscription(story);
        assertEquals("canceled", status.getString("status"));
        assertEquals("read-only", eventually(() -> subscription(story).getString("access"), "read-only"::equals, PATIENCE),
                "the enforcement mirror, another listener, took the change");
        JsonObject failing = eventually(() -> incompleteOf(eventId), found -> found.filter(p -> p.getInt("attempts") >= 2)
                .isPresent(), PATIENCE).orElseThrow(() -> new AssertionError("no incomplete publication of " + eventId));
        assertTrue(failing.getString("listener").endsWith(NOTIFIER + "#SubscriptionCanceled"), failing::toString);
        assertTrue(failing.getString("lastError").contains("Test fault"), failing::toString);
        assertEquals(List.of(), canceledEmails(story), "no email while its listener fails");

        Faults.heal(api, NOTIFIER);

        assertEquals(1, eventually(() -> canceledEmails(story), mail -> !mail.isEmpty(), PATIENCE).size());
        assertEquals(0, eventually(() -> Pipeline.event(api, eventId).getJsonObject("publications").getInt("incomplete"),
                incomplete -> incomplete == 0, PATIENCE));
        Eventually.pause(Duration.ofSeconds(3)); // two sweeps: a second copy would have come by now
        assertEquals(1, canceledEmails(story).size(), "exactly one email, though its listener ran several times");
    }

    @Test
    void onlyOperatorsSeeThePipeline() {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        String eventId = StripeEvents.deliverSettled(api, story.event("checkout.session.completed")).getString("id");

        Reply operator = api.get("api/operator/pipeline", Pipeline.operatorToken());
        Reply admin = api.get("api/operator/pipeline", Tokens.billingAdmin(story.workspace()));
        Reply anonymous = api.get("api/operator/pipeline", null);
        Reply event = api.get("api/operator/events/" + eventId, Pipeline.operatorToken());
        Reply unknown = api.get("api/operator/events/evt_NoSuchEvent", Pipeline.operatorToken());
        Reply badLimit = api.get("api/operator/pipeline?limit=0", Pipeline.operatorToken());
        // Issue 31: the group alone, which a tenant's admin may assign, makes no operator.
        Reply groupWithWorkspace = api.get("api/operator/pipeline", Tokens.builder().subject(Pipeline.OPERATOR)
                .groups("portico-operator").workspace(story.workspace()).sign());
        Reply unlistedSubject = api.get("api/operator/pipeline", Tokens.builder().groups("portico-operator").sign());

        assertEquals(200, operator.status(), operator::toString);
        assertTrue(operator.json().getJsonObject("inbox").containsKey("received"), operator::toString);
        assertTrue(operator.json().getJsonObject("publications").containsKey("incomplete"), operator::toString);
        assertEquals(403, admin.status(), admin::toString);
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertEquals("APPLIED", event.json().getString("outcome"), event::toString);
        assertEquals(story.workspace(), event.json().getString("workspaceId"));
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("EVENT_NOT_FOUND", unknown.error());
        assertEquals(400, badLimit.status(), badLimit::toString);
        assertEquals(403, groupWithWorkspace.status(), "an operator's token acts for no workspace: " + groupWithWorkspace);
        assertEquals(403, unlistedSubject.status(), "not in portico.operator.subjects: " + unlistedSubject);
        assertEquals("FORBIDDEN", unlistedSubject.error());
    }

    private Optional<JsonObject> incompleteOf(String eventId) {
        Reply reply = api.get("api/operator/pipeline?limit=500", Pipeline.operatorToken());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonObject("publications").getJsonArray("items").getValuesAs(JsonValue::asJsonObject)
                .stream().filter(p -> p.getString("stripeEventId").equals(eventId)).findFirst();
    }

    private static List<MimeMessage> canceledEmails(Story story) {
        return Mailbox.to(story.email()).stream()
                .filter(m -> "subscription-canceled".equals(Mailbox.header(m, "X-Portico-Template"))).toList();
    }

    private JsonObject subscription(Story story) {
        Reply reply = api.get("api/billing/subscription", Tokens.member(story.workspace()));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }
}
