package dev.portico.it.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portico.billing.testing.EventJson;
import dev.portico.it.support.Api;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DatabaseUnderTest;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.Eventually;
import dev.portico.it.support.Pipeline;
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.StripeEvents.Story;
import dev.portico.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server under webhook load, then a restart: every acknowledged event is applied,
 * every publication delivered once (one email per change, none twice), and the deliveries the
 * dead server refused, delivered again as Stripe would, are applied too. Needs a database that
 * outlives the server, so it runs in the PostgreSQL pass (the Derby pass's database is in memory).
 */
class CrashIT extends DeployedEar {

    private static final int CUSTOMERS = 8;
    private static final int SENDERS = 4;
    private static final Duration PACE = Duration.ofMillis(25);
    private static final Instant PERIOD_END = Instant.parse("2031-03-01T10:00:00Z");
    private static final Instant T = Instant.parse("2026-10-01T00:00:00Z");
    private static final Set<String> CHANGE_EMAILS = Set.of("subscription-cancel-scheduled", "subscription-resumed");

    /** One delivered event: its customer, Stripe's time and whether it schedules the cancel. */
    private record Sent(Story story, EventJson event, Instant created, boolean scheduled) {
    }

    @Test
    void aKilledServerLosesNothingAcknowledgedAndAppliesNothingTwice() throws Exception {
        assumeTrue(DatabaseUnderTest.postgresql(),
                "needs a database that outlives the server: runs in the PostgreSQL pass (Derby's is in memory)");
        List<Story> stories = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            Story story = StripeEvents.story(Tokens.newWorkspace());
            StripeEvents.deliverSettled(api, story.event("checkout.session.completed"));
            StripeEvents.deliverSettled(api, story.event("customer.updated"));
            StripeEvents.deliverSettled(api, story.subscriptionEvent("active", false, PERIOD_END, T));
            stories.add(story);
        }
        Map<String, Sent> acknowledged = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Sent> refused = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            Thread sender = new Thread(() -> {
                while (!stop.get()) {
                    int n = sequence.incrementAndGet();
                    Story story = stories.get(n % CUSTOMERS);
                    Instant created = T.plusSeconds(n);
                    boolean scheduled = (n / CUSTOMERS) % 2 == 0;
                    Sent sent = new Sent(story, story.subscriptionEvent("active", scheduled, PERIOD_END, created),
                            created, scheduled);
                    deliverOnce(sent, acknowledged, refused);
                    Eventually.pause(PACE); // Stripe-like load, not a flood: each email log stays readable whole
                }
            });
            sender.start();
            senders.add(sender);
        }
        Eventually.pause(Duration.ofSeconds(3));
        killServer();
        Eventually.pause(Duration.ofSeconds(1));
        stop.set(true);
        for (Thread sender : senders) {
            sender.join();
        }
        int acknowledgedBeforeTheKill = acknowledged.size();
        startServer();
        for (Sent again : refused) {
            Reply reply = StripeEvents.deliver(api, again.event());
            assertEquals(200, reply.status(), "Stripe's retry of a refused delivery: " + reply);
            acknowledged.put(reply.json().getString("id"), again);
        }

        assertTrue(acknowledgedBeforeTheKill > CUSTOMERS, "load ran: " + acknowledgedBeforeTheKill + " acknowledged");
        assertTrue(!refused.isEmpty(), "the kill refused deliveries");
        Map<String, String> outcomes = new ConcurrentHashMap<>();
        acknowledged.keySet().forEach(id -> outcomes.put(id, Pipeline.outcome(api, id)));
        assertEquals(Set.of(), Set.copyOf(outcomes.entrySet().stream()
                .filter(e -> !e.getValue().equals("APPLIED") && !e.getValue().equals("IGNORED")).toList()),
                "every acknowledged event was applied (or, older than what was applied, set aside)");
        for (Story story : stories) {
            assertEquals(changes(story, acknowledged, outcomes), changeEmails(story), "one email per change for " + story.workspace());
        }
    }

    private void deliverOnce(Sent sent, Map<String, Sent> acknowledged, ConcurrentLinkedQueue<Sent> refused) {
        Reply reply;
        try {
            reply = StripeEvents.deliver(api, sent.event());
        } catch (RuntimeException down) {
            refused.add(sent);
            return;
        }
        if (reply.status() == 200) {
            acknowledged.put(reply.json().getString("id"), sent);
        } else {
            refused.add(sent);
        }
    }

    /** How often the story's cancel flag flipped, over its applied events in Stripe's order. */
    private static int changes(Story story, Map<String, Sent> acknowledged, Map<String, String> outcomes) {
        List<Sent> applied = acknowledged.entrySet().stream()
                .filter(e -> e.getValue().story() == story && outcomes.get(e.getKey()).equals("APPLIED"))
                .map(Map.Entry::getValue).sorted(Comparator.comparing(Sent::created)).toList();
        int flips = 0;
        boolean scheduled = false;
        for (Sent sent : applied) {
            if (sent.scheduled() != scheduled) {
                flips++;
                scheduled = sent.scheduled();
            }
        }
        return flips;
    }

    private int changeEmails(Story story) {
        Reply reply = api.get("api/notifications/log?limit=200", Tokens.billingAdmin(story.workspace()));
        assertEquals(200, reply.status(), reply::toString);
        return (int) reply.json().getJsonArray("emails").getValuesAs(JsonValue::asJsonObject).stream()
                .filter(email -> CHANGE_EMAILS.contains(email.getString("template"))).count();
    }

    private static Path domain() {
        return Path.of(System.getProperty("it.server.log")).getParent().getParent();
    }

    private static void killServer() throws Exception {
        long pid = Long.parseLong(Files.readString(domain().resolve("config/pid")).strip());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no server process " + pid));
        assertTrue(server.destroyForcibly(), "SIGKILL sent");
        server.onExit().get(30, TimeUnit.SECONDS);
    }

    /** Starts the domain again as Arquillian did (this JVM's environment names the database) and waits for Portico. */
    private void startServer() throws Exception {
        Path asadmin = domain().getParent().getParent().resolve("bin/asadmin");
        Process start = new ProcessBuilder(asadmin.toString(), "start-domain", "domain1").inheritIO().start();
        assertEquals(0, start.waitFor(), "asadmin start-domain");
        JsonObject seen = Eventually.eventually(this::health, health -> health.containsKey("status"), Duration.ofMinutes(3));
        assertEquals("UP", seen.getString("status", "not up"), "Portico is back");
    }

    private JsonObject health() {
        try {
            Api.Reply reply = api.get("api/health", null);
            return reply.status() == 200 ? reply.json() : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException notYet) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
