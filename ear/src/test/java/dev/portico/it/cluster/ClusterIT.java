package dev.portico.it.cluster;

import static dev.portico.it.support.Eventually.eventually;
import static dev.portico.it.support.Eventually.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.google.gson.JsonArray;
import dev.portico.billing.testing.EventJson;
import dev.portico.it.support.Api;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DatabaseUnderTest;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.InForce;
import dev.portico.it.support.Mailbox;
import dev.portico.it.support.Pipeline;
import dev.portico.it.support.Plans;
import dev.portico.it.support.SecondNode;
import dev.portico.it.support.ServerClock;
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.StripeEvents.Story;
import dev.portico.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Fault drills through a real two-node cluster: the node Arquillian runs and a second Payara
 * Server ({@link SecondNode}) with the same EAR, on one PostgreSQL database. Runs in the
 * PostgreSQL pass only (embedded Derby belongs to one JVM). The two drills that kill the second
 * node run last, so it is started again once, between them (a start costs half a minute).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT extends DeployedEar {

    private static final int KILLS_NODE_B = Integer.MAX_VALUE - 1;

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final int CUSTOMERS = 8;
    private static final Instant PERIOD_END = Instant.parse("2031-03-01T10:00:00Z");
    private static final Instant T = Instant.parse("2026-08-10T00:00:00Z");
    private static Api nodeB;

    @BeforeAll
    static void secondNode() throws Exception {
        if (DatabaseUnderTest.postgresql()) {
            nodeB = SecondNode.start();
        }
    }

    @AfterAll
    static void stopSecondNode() throws Exception {
        if (nodeB != null) {
            SecondNode.stop();
        }
    }

    @BeforeEach
    void clusterAndSmtp() throws Exception {
        assumeTrue(nodeB != null, "a cluster needs a database both nodes share: runs in the PostgreSQL pass");
        nodeB = SecondNode.ensureRunning(); // a drill may have killed it
        Mailbox.start();
    }

    @Test
    void eachEventDeliveredToBothNodesAtOnceIsStoredOnceAppliedOnceAndMailedOnce() throws Exception {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        List<EventJson> events = List.of(
                story.event("checkout.session.completed"),
                story.event("customer.updated"),                                      // payment method: an email
                story.subscriptionEvent("active", true, PERIOD_END, T.plusSeconds(10)), // cancel scheduled: an email
                story.invoiceEvent("invoice.payment_failed", 1, T.plusSeconds(30)),      // dunning: an email
                story.subscriptionEvent("past_due", true, PERIOD_END, T.plusSeconds(40)));
        List<String> duplicates = new ArrayList<>();
        for (EventJson event : events) {
            Reply[] replies = atOnce(event.bytes());
            assertEquals(200, replies[0].status(), replies[0]::toString);
            assertEquals(200, replies[1].status(), replies[1]::toString);
            String id = replies[0].json().getString("id");
            duplicates.add(replies[0].json().getBoolean("duplicate") + "/" + replies[1].json().getBoolean("duplicate"));
            assertEquals("APPLIED", Pipeline.settled(api, id).getString("outcome"), id);
        }

        eachMailedOnce(List.of(story), List.of("dunning-1", "payment-method-updated", "subscription-cancel-scheduled"));
        for (String pair : duplicates) {
            assertEquals(1, pair.split("true", -1).length - 1, "exactly one of each pair is the duplicate: " + duplicates);
        }
        for (Api node : List.of(api, nodeB)) {
            Reply write = eventually(() -> node.post(notes(story.workspace()), Tokens.member(story.workspace()),
                    "{\"text\": \"hello\"}"), reply -> reply.status() == 402, Duration.ofSeconds(5));
            assertEquals("PAYMENT_PAST_DUE", write.error(), "past due on every node: " + write);
        }
    }

    /**
     * Issue 30 across nodes: a new customer (made through node B) and its lone events, delivered
     * in turn to A and B. Each is in force on the node that took it within a second of its
     * {@code 200}, and on the other within the refresh interval more.
     */
    @Test
    void loneEventsThroughEitherNodeAreInForceOnBothWithinASecond() {
        Story story = StripeEvents.customerMadeByPortal(nodeB, stripe);
        record Step(Api node, String status, int access, String what) {
        }
        List<Step> steps = List.of(new Step(api, "active", 200, "a new customer's first event"),
                new Step(nodeB, "past_due", 402, "an update"), new Step(api, "active", 200, "the next update"),
                new Step(nodeB, "canceled", 402, "the cancellation (read-only until 2031)"));
        for (Step step : steps) {
            Api other = step.node() == api ? nodeB : api;
            EventJson event = story.subscriptionEvent(step.status(), false, PERIOD_END, ServerClock.now());
            if (step == steps.get(0)) {
                event.type("customer.subscription.created");
            }
            Instant acknowledged = InForce.deliver(step.node(), event);
            InForce.within(InForce.PROMISED, acknowledged, step.what() + " on the node that took it",
                    () -> InForce.shows(step.node(), story, step.status(), step.access()));
            InForce.within(InForce.ELSEWHERE, acknowledged, step.what() + " on the other node",
                    () -> InForce.shows(other, story, step.status(), step.access()));
            pause(Duration.ofMillis(1500));
        }
    }

    /**
     * The plans' state on PostgreSQL, across nodes: a feature Stripe Entitlements grants through one
     * node is enforced on the other and withdrawn through the other; a switch the portal scheduled,
     * stored through one node, shows on the other and is gone once the subscription's update brings it.
     */
    @Test
    void aFeatureStripeEntitlementsGrantsThroughOneNodeIsEnforcedOnTheOther() {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        StripeEvents.deliverSettled(api, story.event("checkout.session.completed"));
        StripeEvents.deliverSettled(api, story.subscriptionEvent("active", false, PERIOD_END, T));
        StripeEvents.deliverSettled(nodeB, Plans.scheduledSwitch(story, Plans.STARTER, PERIOD_END, T.plusSeconds(5)));
        JsonObject pending = api.get("api/billing/overview", Tokens.member(story.workspace())).json()
                .getJsonObject("pendingChange");
        assertEquals(Plans.STARTER, pending.getString("price"), pending::toString);
        assertEquals(PERIOD_END.toString(), pending.getString("at"));
        EventJson granted = story.event("entitlements.active_entitlement_summary.updated").newId().created(T.plusSeconds(10));
        EventJson withdrawn = granted.copy().newId().created(T.plusSeconds(20))
                .set("data.object.entitlements.data", new JsonArray());

        StripeEvents.deliverSettled(api, granted);
        Reply onB = eventually(() -> nodeB.get("api/access?feature=exports", Tokens.member(story.workspace())),
                reply -> reply.status() == 200, Duration.ofSeconds(5));
        assertTrue(onB.json().getBoolean("included"), "granted on node B within the refresh: " + onB);

        Reply delivered = StripeEvents.deliver(nodeB, withdrawn);
        assertEquals(200, delivered.status(), delivered::toString);
        Reply onA = eventually(() -> api.get("api/access?feature=exports", Tokens.member(story.workspace())),
                reply -> reply.status() == 402, PATIENCE);
        assertEquals("FEATURE_NOT_IN_PLAN", onA.error(), "withdrawn on node A: " + onA);

        StripeEvents.deliverSettled(api, Plans.priced(story.subscriptionEvent("active", false, PERIOD_END, T.plusSeconds(30)),
                Plans.STARTER, "prod_PorticoStarter", 1000));
        JsonObject applied = nodeB.get("api/billing/overview", Tokens.member(story.workspace())).json();
        assertTrue(applied.isNull("pendingChange"), applied::toString);
        assertEquals(Plans.STARTER, applied.getString("plan"));
    }

    @Test
    @Order(KILLS_NODE_B)
    void whenOneNodeIsKilledUnderLoadTheOtherFinishesItsWorkAndNothingIsLostOrSentTwice() throws Exception {
        List<Story> stories = linkedCustomers(CUSTOMERS);
        // Three changes per customer, each an email; delivered in turn to A and B, B killed half-way.
        List<EventJson> load = new ArrayList<>();
        for (Story story : stories) {
            load.add(story.event("customer.updated"));
            load.add(story.subscriptionEvent("active", true, PERIOD_END, T.plusSeconds(10)));
            load.add(story.invoiceEvent("invoice.payment_failed", 1, T.plusSeconds(30)));
        }
        List<String> acknowledged = new ArrayList<>();
        List<EventJson> refused = new ArrayList<>();
        int acknowledgedByB = 0;
        boolean killed = false;
        for (int i = 0; i < load.size(); i++) {
            if (!killed && i == load.size() / 2) {
                SecondNode.kill();
                killed = true;
            }
            Api node = i % 2 == 0 ? api : nodeB;
            try {
                Reply reply = StripeEvents.deliver(node, load.get(i).bytes());
                if (reply.status() == 200) {
                    acknowledged.add(reply.json().getString("id"));
                    acknowledgedByB += node == nodeB ? 1 : 0;
                } else {
                    refused.add(load.get(i));
                }
            } catch (RuntimeException down) {
                refused.add(load.get(i)); // B is gone: Stripe retries, and the retry reaches A
            }
        }
        assertTrue(acknowledgedByB > 0 && !refused.isEmpty(),
                "B took events before the kill (" + acknowledgedByB + ") and refused them after (" + refused.size() + ")");
        for (EventJson retry : refused) {
            Reply reply = StripeEvents.deliver(api, retry.bytes());
            assertEquals(200, reply.status(), "Stripe's retry on the surviving node: " + reply);
            acknowledged.add(reply.json().getString("id"));
        }

        for (String id : acknowledged) {
            assertEquals("APPLIED", Pipeline.settled(api, id).getString("outcome"), "event " + id + " was applied");
        }
        eachMailedOnce(stories, List.of("dunning-1", "payment-method-updated", "subscription-cancel-scheduled"));
        assertEquals(load.size(), acknowledged.stream().distinct().count(), "every event acknowledged once");
    }

    @Test
    void withSmtpDownForBothNodesEveryEmailGoesOutLaterAndOnce() throws Exception {
        List<Story> stories = linkedCustomers(4);
        Mailbox.stop();
        try {
            for (int i = 0; i < stories.size(); i++) {
                Api node = i % 2 == 0 ? api : nodeB;
                Story story = stories.get(i);
                for (EventJson event : List.of(story.event("customer.updated"),
                        story.subscriptionEvent("active", true, PERIOD_END, T.plusSeconds(10)))) {
                    Reply reply = StripeEvents.deliver(node, event.bytes());
                    assertEquals(200, reply.status(), reply::toString);
                    Pipeline.settled(api, reply.json().getString("id"));
                }
            }
            pause(Duration.ofSeconds(3)); // both nodes' senders try, and fail, a few rounds
        } finally {
            Mailbox.start();
        }

        eachMailedOnce(stories, List.of("payment-method-updated", "subscription-cancel-scheduled"));
    }

    @Test
    void withTheDatabaseCutUnderLoadBothNodesAnswer503AndRecoverAndNothingIsLost() throws Exception {
        List<Story> stories = linkedCustomers(CUSTOMERS);
        List<EventJson> load = new ArrayList<>();
        for (Story story : stories) {
            load.add(story.event("customer.updated"));
            load.add(story.subscriptionEvent("active", true, PERIOD_END, T.plusSeconds(10)));
        }
        List<String> acknowledged = new ArrayList<>();
        List<EventJson> refused = new ArrayList<>();
        List<String> otherAnswers = new ArrayList<>();
        List<Reply> unready = new ArrayList<>();
        String database = DatabaseUnderTest.databaseName();
        try (Connection admin = DriverManager.getConnection(DatabaseUnderTest.maintenanceUrl(), "postgres", "");
             Statement sql = admin.createStatement()) {
            for (int i = 0; i < load.size(); i++) {
                if (i == load.size() / 3) {
                    sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
                    sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                }
                Api node = i % 2 == 0 ? api : nodeB;
                Reply reply = StripeEvents.deliver(node, load.get(i).bytes());
                if (reply.status() == 200) {
                    acknowledged.add(reply.json().getString("id"));
                } else if (reply.status() == 503 && "STORE_UNAVAILABLE".equals(reply.error())) {
                    refused.add(load.get(i));
                } else {
                    otherAnswers.add(reply.toString());
                }
                if (i == 2 * load.size() / 3) {
                    unready.add(api.get("health/ready", null));
                    unready.add(nodeB.get("health/ready", null));
                    sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
                }
            }
        }
        for (Api node : List.of(api, nodeB)) {
            Reply ready = eventually(() -> node.get("health/ready", null), reply -> reply.status() == 200,
                    Duration.ofSeconds(30));
            assertEquals(200, ready.status(), "ready again without a restart: " + ready);
        }
        for (EventJson retry : refused) {
            Reply reply = StripeEvents.deliver(api, retry.bytes());
            assertEquals(200, reply.status(), "Stripe's retry after the outage: " + reply);
            acknowledged.add(reply.json().getString("id"));
        }

        assertEquals(List.of(), otherAnswers, "no answer but 200 or 503 STORE_UNAVAILABLE");
        assertTrue(!refused.isEmpty(), "the outage refused deliveries");
        unready.forEach(reply -> assertEquals(503, reply.status(), "unready while the database is down: " + reply));
        for (String id : acknowledged) {
            assertEquals("APPLIED", Pipeline.settled(api, id).getString("outcome"), "event " + id + " was applied");
        }
        eachMailedOnce(stories, List.of("payment-method-updated", "subscription-cancel-scheduled"));
    }

    /** Customers of fresh workspaces, each linked by its checkout. */
    private List<Story> linkedCustomers(int count) {
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Story story = StripeEvents.story(Tokens.newWorkspace());
            StripeEvents.deliverSettled(api, story.event("checkout.session.completed"));
            stories.add(story);
        }
        return stories;
    }

    /**
     * Each customer got exactly these emails (sorted template names), each once: after they came,
     * a pause in which a second copy from either node's sender (every 0.5 s) would have come too.
     */
    @Test
    @Order(KILLS_NODE_B + 1)
    void aSweepRunsOnOneNodeAtATimeAndTheSweepOfAKilledNodeIsResumedByTheOther() throws Exception {
        Story story = linkedCustomers(1).get(0);
        StripeEvents.deliverSettled(api, story.subscriptionEvent("active", false, PERIOD_END, T));
        List<String> listed = new ArrayList<>();
        Instant first = Instant.now().minusSeconds(900);
        for (int i = 0; i < 250; i++) {
            EventJson event = story.subscriptionEvent("active", i % 2 == 0, PERIOD_END, first.plusSeconds(i));
            listed.add(event.string("id"));
            stripe.list(event.json());
        }
        Set<String> known = sweeps(api).stream().map(s -> s.getString("id")).collect(Collectors.toSet());
        StubMapping slow = stripe.slowEventListings(Duration.ofMillis(1500));
        try {
            assertEquals(202, eventually(() -> nodeB.post("api/operator/sweeps", Pipeline.operatorToken(), ""),
                    reply -> reply.status() != 409, PATIENCE).status());
            JsonObject running = eventually(() -> sweeps(api).stream().filter(s -> !known.contains(s.getString("id")))
                    .findFirst().orElse(null), s -> s != null && s.getInt("eventsListed") >= 100, PATIENCE);
            assertEquals("RUNNING", running.getString("status"), running::toString);
            Reply second = api.post("api/operator/sweeps", Pipeline.operatorToken(), "");
            assertEquals(409, second.status(), "one sweep at a time in the cluster: " + second);
            assertEquals("SWEEP_RUNNING", second.error());

            SecondNode.kill();
            // Once the dead node's lease ran out (PT10S in the tests), this node takes the sweep over.
            assertEquals(202, eventually(() -> api.post("api/operator/sweeps", Pipeline.operatorToken(), ""),
                    reply -> reply.status() == 202, PATIENCE).status());
            JsonObject resumed = eventually(() -> sweeps(api).stream().filter(s -> s.getString("id").equals(running.getString("id")))
                    .findFirst().orElseThrow(), s -> !s.getString("status").equals("RUNNING"), Duration.ofSeconds(90));
            assertEquals("COMPLETED", resumed.getString("status"), resumed::toString);
            assertNotEquals(running.getString("node"), resumed.getString("node"), "finished by the other node");
            assertTrue(resumed.getInt("eventsListed") >= 250, resumed::toString);
        } finally {
            stripe.remove(slow);
        }
        for (String id : listed) {
            assertTrue(Set.of("APPLIED", "IGNORED").contains(Pipeline.outcome(api, id)), id);
        }
    }

    private static List<JsonObject> sweeps(Api node) {
        Reply reply = node.get("api/operator/sweeps?limit=50", Pipeline.operatorToken());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("sweeps").getValuesAs(JsonObject.class);
    }

    private static void eachMailedOnce(List<Story> stories, List<String> templates) {
        for (Story story : stories) {
            List<MimeMessage> mail = Mailbox.await(story.email(), templates.size(), PATIENCE);
            assertEquals(templates, mail.stream().map(m -> Mailbox.header(m, "X-Portico-Template")).sorted().toList(),
                    story.workspace());
        }
        pause(Duration.ofSeconds(3));
        for (Story story : stories) {
            assertEquals(templates.size(), Mailbox.to(story.email()).size(), "each email once for " + story.workspace());
        }
    }

    /** The same signed delivery to both nodes, released together. */
    private Reply[] atOnce(byte[] body) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Reply> onA = CompletableFuture.supplyAsync(() -> deliverAfter(together, api, body));
        CompletableFuture<Reply> onB = CompletableFuture.supplyAsync(() -> deliverAfter(together, nodeB, body));
        return new Reply[] {onA.get(), onB.get()};
    }

    private static Reply deliverAfter(CyclicBarrier together, Api node, byte[] body) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return StripeEvents.deliver(node, body);
    }

    private static String notes(String workspace) {
        return "api/workspaces/" + workspace + "/notes";
    }
}
