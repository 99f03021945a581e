package dev.portico.it.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.portico.it.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.portico.billing.testing.EventJson;
import dev.portico.billing.testing.StripeSignatures;
import dev.portico.it.observability.HealthIT;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DatabaseUnderTest;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.Pipeline;
import dev.portico.it.support.ServerClock;
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.StripeEvents.Story;
import dev.portico.it.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@code POST /api/billing/webhook} and {@code /api/billing/events} through the deployed EAR. */
class WebhookIT extends DeployedEar {

    private static final String EVENTS = "api/billing/events";
    private static final Instant PERIOD_END = Instant.parse("2031-03-01T10:00:00Z");

    @Test
    void checkoutLinksTheWorkspaceAndSubscriptionEventsSetItsState() {
        Story story = StripeEvents.story(Tokens.newWorkspace());

        assertEquals("APPLIED", outcome(deliver(story, "checkout.session.completed")));
        assertEquals("APPLIED", outcome(deliver(story, "customer.subscription.created")));

        JsonObject status = subscription(story);
        assertEquals("active", status.getString("status"));
        assertEquals("price_1PgafmB7WZ01zgkW6dKueIc5", status.getString("plan"));
        assertEquals("2026-08-01T10:00:00Z", status.getString("currentPeriodEnd"), "the period comes from the item");
        assertFalse(status.getBoolean("cancelAtPeriodEnd"));
        assertEquals("full", status.getString("access"));
    }

    @Test
    void everyHandledEventTypeIsAppliedOrDeliberatelyIgnored() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("checkout.session.completed", "APPLIED"),
                Map.entry("customer.subscription.created", "APPLIED"),
                Map.entry("invoice.paid", "APPLIED"),
                Map.entry("invoice.payment_succeeded", "IGNORED"),
                Map.entry("customer.updated", "APPLIED"),
                Map.entry("customer.subscription.paused", "APPLIED"),
                Map.entry("customer.subscription.resumed", "APPLIED"),
                Map.entry("customer.subscription.updated", "APPLIED"),
                Map.entry("invoice.payment_failed", "APPLIED"),
                Map.entry("customer.subscription.updated.past_due", "APPLIED"),
                Map.entry("customer.subscription.deleted", "APPLIED"));
        Story story = StripeEvents.story(Tokens.newWorkspace());
        // Stripe's order of events; the deletion, though dated earlier than the last two, is final.
        for (String name : List.of("checkout.session.completed", "customer.subscription.created", "invoice.paid",
                "invoice.payment_succeeded", "customer.updated", "customer.subscription.paused",
                "customer.subscription.updated", "customer.subscription.resumed", "invoice.payment_failed",
                "customer.subscription.updated.past_due", "customer.subscription.deleted")) {
            Reply reply = deliver(story, name);
            assertEquals(200, reply.status(), name + ": " + reply);
            assertEquals(expected.get(name), outcome(reply), name);
        }
        assertEquals("canceled", subscription(story).getString("status"));
        assertEquals(11, events(story).size());
    }

    @Test
    void trialEndingActionRequiredAndNewPaymentMethodsAreApplied() {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        deliver(story, "checkout.session.completed");
        deliver(story, "customer.subscription.created");
        EventJson trialWillEnd = story.event("customer.subscription.created").newId()
                .type("customer.subscription.trial_will_end")
                .set("data.object.trial_end", 1_783_504_800L);
        EventJson actionRequired = story.event("invoice.payment_failed").newId().type("invoice.payment_action_required");
        EventJson attached = story.event("customer.updated").newId().type("payment_method.attached")
                .remove("data.previous_attributes")
                .set("data.object", EventJson.parse(Json.createObjectBuilder()
                        .add("id", "pm_1NewCard" + story.workspace().replace("-", ""))
                        .add("object", "payment_method").add("type", "card").add("created", 1783780200)
                        .add("customer", story.customer()).add("livemode", false).build().toString()));

        for (EventJson event : List.of(trialWillEnd, actionRequired, attached)) {
            assertEquals("APPLIED", outcome(deliver(event)), event.string("type"));
        }
        assertEquals(List.of("payment_method.attached", "invoice.payment_action_required",
                "customer.subscription.trial_will_end"), events(story).stream().limit(3).map(e -> e.getString("type")).toList());
    }

    @Test
    void aDuplicateDeliveryIsAcknowledgedAndChangesNothing() {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        deliver(story, "checkout.session.completed");
        Reply first = deliver(story, "customer.subscription.updated");
        JsonObject before = subscription(story);

        Reply again = deliver(story, "customer.subscription.updated");

        assertEquals(200, again.status(), again::toString);
        assertFalse(first.json().getBoolean("duplicate"));
        assertTrue(again.json().getBoolean("duplicate"));
        assertEquals(before, subscription(story));
        assertEquals(2, events(story).size(), "one inbox row per event id");
    }

    @Test
    void anyOrderWithDuplicatesEndsInTheSameState() {
        Map<String, List<String>> sequences = Map.of(
                "cancel scheduled in the portal", List.of("checkout.session.completed", "customer.subscription.created",
                        "invoice.paid", "invoice.payment_succeeded", "customer.updated", "customer.subscription.updated"),
                "renewal payment failing", List.of("checkout.session.completed", "customer.subscription.created",
                        "invoice.paid", "invoice.payment_failed", "customer.subscription.updated.past_due"),
                "paused then resumed", List.of("checkout.session.completed", "customer.subscription.created",
                        "customer.subscription.paused", "customer.subscription.resumed"),
                "canceled at once", List.of("checkout.session.completed", "customer.subscription.created",
                        "customer.subscription.updated", "customer.subscription.deleted"));
        long seed = System.nanoTime();
        Random random = new Random(seed);
        sequences.forEach((story, inOrder) -> {
            JsonObject expected = finalState(inOrder);
            for (int run = 0; run < 4; run++) {
                List<String> shuffled = new ArrayList<>(inOrder);
                for (int extra = random.nextInt(3); extra >= 0; extra--) {
                    shuffled.add(inOrder.get(random.nextInt(inOrder.size())));
                }
                Collections.shuffle(shuffled, random);
                assertEquals(expected, finalState(shuffled), story + " delivered as " + shuffled + " (seed " + seed + ")");
            }
        });
    }

    @Test
    void unknownTypesAndUnknownCustomersAreRecordedAndAcknowledged() {
        Story stranger = StripeEvents.story(Tokens.newWorkspace());
        EventJson unknownType = stranger.event("invoice.paid").type("invoice.upcoming");

        Reply ignored = deliver(unknownType);
        Reply unmatched = deliver(stranger, "customer.subscription.created");
        Reply again = deliver(stranger, "customer.subscription.created");

        assertEquals("IGNORED", ignored.json().getString("status"), "a type Portico does not act on is settled on arrival");
        assertEquals("IGNORED", outcome(ignored));
        assertEquals("RECEIVED", unmatched.json().getString("status"), "acknowledged once stored, applied later");
        assertEquals("UNMATCHED", outcome(unmatched));
        assertTrue(again.json().getBoolean("duplicate"), "stored, so Stripe's retry is a duplicate");
        assertEquals("UNMATCHED", again.json().getString("status"), "a duplicate answers the status held");
    }

    @Test
    void anUnmatchedEventAppliesOnceItsCustomerIsLinked() {
        Story story = StripeEvents.story(Tokens.newWorkspace());

        Reply waiting = deliver(story, "customer.subscription.created");
        assertEquals("UNMATCHED", outcome(waiting));
        deliver(story, "checkout.session.completed");

        assertEquals("APPLIED", eventually(() -> outcome(waiting), "APPLIED"::equals, Duration.ofSeconds(20)));
        assertEquals("active", subscription(story).getString("status"));
        assertTrue(events(story).stream().allMatch(e -> e.getString("outcome").equals("APPLIED")), events(story)::toString);
    }

    @Test
    void onlyProperlySignedFreshDeliveriesAreAccepted() {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        byte[] body = story.event("checkout.session.completed").bytes();
        Instant now = Instant.now();
        byte[] tampered = story.event("checkout.session.completed").set("livemode", true).bytes();
        Map<String, String> refused = Map.of(
                "no signature", "",
                "wrong secret", StripeSignatures.header(body, now, "whsec_not_ours"),
                "replayed old signature", StripeSignatures.header(body, now.minus(Duration.ofMinutes(6)), StripeEvents.SECRET),
                "signature from the future", StripeSignatures.header(body, now.plus(Duration.ofMinutes(6)), StripeEvents.SECRET),
                "body changed after signing", StripeSignatures.header(body, now, StripeEvents.SECRET),
                "garbage header", "t=abc,v1=xyz");
        refused.forEach((why, header) -> {
            byte[] sent = why.equals("body changed after signing") ? tampered : body;
            Reply reply = header.isEmpty()
                    ? api.postBytes("api/billing/webhook", sent, "Content-Type", "application/json")
                    : api.postBytes("api/billing/webhook", sent, "Content-Type", "application/json", "Stripe-Signature", header);
            assertEquals(400, reply.status(), why + ": " + reply);
            assertEquals("INVALID_SIGNATURE", reply.error(), why);
            assertFalse(reply.body().contains(StripeEvents.SECRET), why);
        });

        Reply previousSecret = api.postBytes("api/billing/webhook", body, "Content-Type", "application/json",
                "Stripe-Signature", StripeSignatures.header(body, now, StripeEvents.PREVIOUS_SECRET));
        assertEquals(200, previousSecret.status(), "a rotated-out secret still verifies: " + previousSecret);
        assertFalse(previousSecret.json().getBoolean("duplicate"), "nothing was stored by the refused deliveries");

        byte[] next = story.event("customer.subscription.created").bytes();
        String both = StripeSignatures.header(next, now, "whsec_not_ours") + ",v1="
                + StripeSignatures.header(next, now, StripeEvents.SECRET).split("v1=")[1];
        assertEquals(200, api.postBytes("api/billing/webhook", next, "Stripe-Signature", both).status(),
                "one matching v1 among several is enough");
    }

    @Test
    void garbageAndOversizedBodiesAreRefused() {
        byte[] notJson = "this is not json".getBytes(StandardCharsets.UTF_8);
        byte[] noId = "{\"object\":\"event\",\"type\":\"invoice.paid\",\"created\":1,\"data\":{\"object\":{}}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        Reply garbage = StripeEvents.deliver(api, notJson);
        Reply incomplete = StripeEvents.deliver(api, noId);
        Reply oversized = StripeEvents.deliver(api, huge);

        assertEquals(400, garbage.status(), garbage::toString);
        assertEquals("INVALID_PAYLOAD", garbage.error());
        assertEquals(400, incomplete.status(), incomplete::toString);
        assertEquals("INVALID_PAYLOAD", incomplete.error());
        assertEquals(413, oversized.status(), oversized::toString);
        assertEquals("PAYLOAD_TOO_LARGE", oversized.error());
    }

    @Test
    void stripeIdsOfAnotherShapeAreNeverStored() {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        deliver(story, "checkout.session.completed");
        deliver(story, "customer.subscription.created");
        String plan = subscription(story).getString("plan");

        Reply foreignCustomer = StripeEvents.deliver(api, story.event("invoice.payment_failed")
                .set("data.object.customer", story.customer() + "\nINFO forged line"));
        Reply markupPrice = deliver(story.event("customer.subscription.updated").newId()
                .created(Instant.now().plusSeconds(60))
                .set("data.object.status", "past_due")
                .set("data.object.items.data.0.price.id", "price_<img src=x onerror=alert(1)>"));

        assertEquals(400, foreignCustomer.status(), foreignCustomer::toString);
        assertEquals("INVALID_PAYLOAD", foreignCustomer.error());
        assertFalse(markupPrice.json().getBoolean("duplicate"), markupPrice::toString);
        JsonObject after = subscription(story);
        assertEquals(plan, after.getString("plan"), "the forged price id was not taken");
        assertEquals("active", after.getString("status"), "an event with a malformed id is set aside whole");
    }

    @Test
    void aFailedApplicationIsRetriedByAnOperatorAndAutomatically() {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        String admin = Tokens.billingAdmin(story.workspace());
        StubMapping stripeDown = stripeDownFor(story);
        String undo;
        try {
            undo = failedTieBreak(story);

            Reply retried = api.post(EVENTS + "/" + undo + "/retry", admin, null);

            assertEquals(200, retried.status(), retried::toString);
            assertEquals("FAILED", retried.json().getString("outcome"), "Stripe is still down");
            assertTrue(retried.json().getInt("attempts") >= 2, retried::toString);
        } finally {
            stripe.remove(stripeDown);
        }
        stripe.override(get(urlPathEqualTo("/v1/subscriptions/" + story.subscription()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(uncanceledSubscription(story))));

        assertEquals("APPLIED", eventually(() -> outcomeOf(story, undo), "APPLIED"::equals, Duration.ofSeconds(30)),
                "the retrier applied it");
        assertFalse(subscription(story).getBoolean("cancelAtPeriodEnd"), "Stripe's current state was applied");
    }

    /**
     * Issue 31: each retry may cost a read from Stripe on the account's shared rate limit, so
     * retries share the workspace's throttle with portal sessions and syncs.
     */
    @Test
    void retriesAreThrottledWithTheWorkspacesPortalSessions() {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        String admin = Tokens.billingAdmin(story.workspace());
        StubMapping stripeDown = stripeDownFor(story);
        try {
            String failed = failedTieBreak(story);
            List<Integer> answers = new ArrayList<>();
            Reply last = null;
            for (int i = 0; i < 12 && (last == null || last.status() != 429); i++) {
                last = api.post(EVENTS + "/" + failed + "/retry", admin, null);
                answers.add(last.status());
            }

            assertEquals(429, last.status(), "answers: " + answers);
            assertEquals("RATE_LIMITED", last.error());
            assertTrue(Integer.parseInt(last.header("Retry-After")) > 0, last::toString);
            assertEquals(11, answers.size(), "the workspace's limit (10 a minute), then refused: " + answers);
            assertEquals(List.of(200), answers.subList(0, 10).stream().distinct().toList(), answers::toString);
        } finally {
            stripe.remove(stripeDown);
        }
    }

    /**
     * Issue 31, item 12: any browser can set a Pricing Table's or Payment Link's client reference,
     * so a bare workspace id links nothing; the reference Portico signs for the workspace does.
     */
    @Test
    void aCheckoutLinksAWorkspaceOnlyThroughAReferencePorticoSigned() {
        Story victim = StripeEvents.story(Tokens.newWorkspace());
        Story attacker = StripeEvents.story(Tokens.newWorkspace());

        Reply bare = deliver(attacker.event("checkout.session.completed")
                .set("data.object.client_reference_id", victim.workspace()));
        Reply forged = deliver(attacker.event("checkout.session.completed").newId()
                .set("data.object.client_reference_id", victim.checkoutReference(victim.event("checkout.session.completed"))
                        .replaceFirst("_[0-9a-f]{32}$", "_" + "0".repeat(32))));
        Reply attackersSubscription = deliver(attacker.subscriptionEvent("active", false, PERIOD_END, ServerClock.now()));

        JsonObject refused = Pipeline.event(api, bare.json().getString("id"));
        assertEquals("IGNORED", refused.getString("outcome"), refused::toString);
        assertTrue(refused.getString("detail").contains("not a reference Portico signed"), refused::toString);
        assertEquals("IGNORED", outcome(forged));
        assertEquals("UNMATCHED", outcome(attackersSubscription), "the attacker's customer is linked to no workspace");
        assertEquals("none", subscription(victim).getString("status"), "the victim's workspace shows nothing of it");

        Reply member = api.get("api/billing/checkout-reference", Tokens.member(victim.workspace()));
        Reply issued = api.get("api/billing/checkout-reference", Tokens.billingAdmin(victim.workspace()));
        assertEquals(403, member.status(), member::toString);
        assertEquals(200, issued.status(), issued::toString);
        String reference = issued.json().getString("clientReferenceId");
        assertTrue(reference.matches("[A-Za-z0-9_]{1,200}"), reference);
        assertEquals(victim.workspace(), issued.json().getString("workspaceId"));

        Reply linked = deliver(victim.event("checkout.session.completed").set("data.object.client_reference_id", reference)
                .set("data.object.created", ServerClock.now()));
        Reply paid = deliver(victim.subscriptionEvent("active", false, PERIOD_END, ServerClock.now()));
        assertEquals("APPLIED", outcome(linked));
        assertEquals("APPLIED", outcome(paid));
        assertEquals("active", subscription(victim).getString("status"));
    }

    @Test
    void retryingIsForFailedEventsOfTheCallersWorkspace() {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        String applied = deliver(story, "checkout.session.completed").json().getString("id");

        Reply notFailed = api.post(EVENTS + "/" + applied + "/retry", Tokens.billingAdmin(story.workspace()), null);
        Reply foreign = api.post(EVENTS + "/" + applied + "/retry", Tokens.billingAdmin(Tokens.newWorkspace()), null);
        Reply member = api.get(EVENTS, Tokens.member(story.workspace()));
        Reply otherAdmin = api.get(EVENTS, Tokens.billingAdmin(Tokens.newWorkspace()));
        Reply malformed = api.post(EVENTS + "/evt_1%27%20OR%20%271%27=%271/retry", Tokens.billingAdmin(story.workspace()), null);

        assertEquals(409, notFailed.status(), notFailed::toString);
        assertEquals("NOT_RETRYABLE", notFailed.error());
        assertEquals(404, foreign.status(), foreign::toString);
        assertEquals("EVENT_NOT_FOUND", foreign.error());
        assertEquals(403, member.status(), member::toString);
        assertEquals(List.of(), otherAdmin.json().getJsonArray("events"));
        assertEquals(404, malformed.status(), malformed::toString);
        assertEquals("EVENT_NOT_FOUND", malformed.error());
    }

    @Test
    void whileTheDatabaseIsDownDeliveriesAreRefusedWith503AndTheNodeIsUnreadyAndStripesRetrySucceeds() throws Exception {
        assumeTrue(DatabaseUnderTest.postgresql(),
                "needs a database server the test can take down: runs in the PostgreSQL pass");
        String database = DatabaseUnderTest.databaseName();
        Story story = StripeEvents.story(Tokens.newWorkspace());
        deliver(story, "checkout.session.completed");
        byte[] body = story.event("customer.subscription.created").bytes();
        Reply down;
        Reply unready;
        try (Connection admin = DriverManager.getConnection(DatabaseUnderTest.maintenanceUrl(), "postgres", "");
             Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
            try {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                down = StripeEvents.deliver(api, body);
                unready = api.get("health/ready", null);
            } finally {
                sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
            }
        }

        Reply ready = eventually(() -> api.get("health/ready", null), reply -> reply.status() == 200, Duration.ofSeconds(30));
        Reply retried = StripeEvents.deliver(api, body);
        Pipeline.settled(api, retried.json().getString("id"));

        assertEquals(503, down.status(), down::toString);
        assertEquals("STORE_UNAVAILABLE", down.error());
        assertEquals("5", down.header("Retry-After"), "a deliberate 503 says when to come back");
        assertEquals(503, unready.status(), unready::toString);
        assertEquals("DOWN", HealthIT.checks(unready).get("database").getString("status"), unready::toString);
        assertEquals(200, ready.status(), "ready again without a restart: " + ready);
        assertEquals(200, retried.status(), retried::toString);
        assertFalse(retried.json().getBoolean("duplicate"), "the refused delivery stored nothing");
        assertEquals("active", subscription(story).getString("status"));
    }

    /** Delivers the events in order to a fresh workspace and returns its billing status, minus the id. */
    private JsonObject finalState(List<String> deliveries) {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        List<String> ids = new ArrayList<>();
        for (String name : deliveries) {
            ids.add(deliver(story, name).json().getString("id"));
        }
        // Events that came before the checkout wait as unmatched, then apply once it linked the customer.
        for (String id : ids) {
            eventually(() -> outcome(() -> id), outcome -> !outcome.equals("UNMATCHED"), Duration.ofSeconds(20));
        }
        JsonObject status = subscription(story);
        return Json.createObjectBuilder(status).remove("workspaceId").build();
    }

    /** Stripe down for the story's subscription reads (a 500 on {@code GET /v1/subscriptions/{id}}). */
    private StubMapping stripeDownFor(Story story) {
        return stripe.override(get(urlPathEqualTo("/v1/subscriptions/" + story.subscription()))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"down\"}}")));
    }

    /**
     * A linked story's subscription event that failed: a second snapshot from the very same second,
     * which only Stripe can settle, while Stripe is down ({@link #stripeDownFor}). Returns its id.
     */
    private String failedTieBreak(Story story) {
        deliver(story, "checkout.session.completed");
        deliver(story, "customer.subscription.updated");
        String failed = deliver(story.event("customer.subscription.updated").newId()
                .set("data.object.cancel_at_period_end", false)).json().getString("id");
        assertEquals("FAILED", outcomeOf(story, failed));
        return failed;
    }

    /** Stripe's current subscription (as {@code GET /v1/subscriptions/{id}} answers it): the cancel undone. */
    private static String uncanceledSubscription(Story story) {
        return story.event("customer.subscription.updated").object("data.object")
                .set("cancel_at_period_end", false).set("cancel_at", null).json();
    }

    private Reply deliver(Story story, String name) {
        return deliver(story.event(name));
    }

    /** Delivers the event, expects it stored, and waits until the applier settled it and its publications. */
    private Reply deliver(EventJson event) {
        Reply reply = StripeEvents.deliver(api, event);
        assertEquals(200, reply.status(), event.string("type") + ": " + reply);
        Pipeline.settled(api, reply.json().getString("id"));
        return reply;
    }

    /** The outcome of the delivered event once settled. */
    private String outcome(Reply delivered) {
        return Pipeline.outcome(api, delivered.json().getString("id"));
    }

    private String outcome(Supplier<String> eventId) {
        return Pipeline.outcome(api, eventId.get());
    }

    private JsonObject subscription(Story story) {
        Reply reply = api.get("api/billing/subscription", Tokens.member(story.workspace()));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private List<JsonObject> events(Story story) {
        Reply reply = api.get(EVENTS, Tokens.billingAdmin(story.workspace()));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("events").getValuesAs(JsonValue::asJsonObject);
    }

    private String outcomeOf(Story story, String eventId) {
        return events(story).stream().filter(e -> e.getString("id").equals(eventId)).findFirst()
                .map(e -> e.getString("outcome")).orElse("MISSING");
    }

}
