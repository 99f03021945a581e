package dev.portico.it.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.portico.it.support.Eventually.eventually;
import static dev.portico.it.support.Eventually.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.portico.billing.testing.EventJson;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DeployedEar;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation through the deployed EAR: events Stripe holds that no webhook brought are caught
 * up from its Events API (the stand-in's {@code GET /v1/events}), and a workspace whose stored
 * state differs from Stripe's objects is repaired, on demand and by the sweep, its drift recorded.
 */
class ReconcileIT extends DeployedEar {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant PERIOD_END = Instant.parse("2031-03-01T10:00:00Z");
    private static final Instant T = Instant.parse("2026-08-10T00:00:00Z");

    @BeforeEach
    void smtpUp() {
        Mailbox.start();
    }

    @Test
    void anEventNoWebhookBroughtIsAppliedByTheSweepAndItsEmailSentOnce() {
        double recoveredBefore = metric("portico_reconcile_events_recovered_total", "");
        double sweptBefore = metric("portico_reconcile_sweeps_total", "status=\"COMPLETED\"");
        Story story = linked();
        EventJson active = story.subscriptionEvent("active", false, PERIOD_END, T);
        StripeEvents.deliverSettled(api, active);
        assertEquals("full", access(story));
        EventJson canceled = story.subscriptionEvent("canceled", false, Instant.now().minusSeconds(60),
                Instant.now().minusSeconds(120));
        stripe.list(canceled.json());

        JsonObject sweep = sweepCompleted();

        assertTrue(sweep.getInt("eventsRecovered") >= 1, sweep::toString);
        JsonObject event = Pipeline.settled(api, canceled.string("id"));
        assertEquals("APPLIED", event.getString("outcome"), event::toString);
        assertEquals("catch-up", event.getString("arrival"));
        assertEquals("none", access(story), "canceled, its paid period over");
        assertEquals(List.of("subscription-canceled"), canceledMail(story, 1));
        assertTrue(metric("portico_reconcile_events_recovered_total", "") >= recoveredBefore + 1);
        assertTrue(metric("portico_reconcile_sweeps_total", "status=\"COMPLETED\"") >= sweptBefore + 1);
        JsonObject logged = workspaceEvent(story, canceled.string("id"));
        assertEquals("catch-up", logged.getString("arrival"), logged::toString);

        // The webhook comes after all (Stripe's retry): held already, nothing happens twice.
        Reply late = StripeEvents.deliver(api, canceled);
        assertEquals(200, late.status(), late::toString);
        assertTrue(late.json().getBoolean("duplicate"));
        JsonObject again = sweepCompleted();
        assertEquals(0, again.getInt("eventsRecovered"), "listed again, held already: " + again);
        pause(Duration.ofSeconds(2));
        assertEquals(List.of("subscription-canceled"), canceledMail(story, 1));
        assertEquals("webhook", workspaceEvent(story, active.string("id")).getString("arrival"));
    }

    @Test
    void aSyncOnDemandRepairsDriftSaysWhatChangedAndDunningStartsOnce() {
        Story story = subscribed();
        EventJson pastDue = story.subscriptionEvent("past_due", false, PERIOD_END, T.plusSeconds(60));
        EventJson failedInvoice = story.invoiceEvent("invoice.payment_failed", 1, T.plusSeconds(50));
        describe(story, pastDue, failedInvoice);

        Reply member = api.post("api/billing/sync", Tokens.member(story.workspace()), "");
        assertEquals(403, member.status(), member::toString);
        Reply synced = api.post("api/billing/sync", Tokens.billingAdmin(story.workspace()), "");

        assertEquals(200, synced.status(), synced::toString);
        assertTrue(synced.json().getBoolean("changed"), synced::toString);
        assertTrue(changes(synced).contains("status:active->past_due"), synced::toString);
        assertTrue(changes(synced).contains("failingInvoice:null->" + failedInvoice.string("data.object.id")), synced::toString);
        assertEquals("read-only", access(story));
        List<MimeMessage> dunning = Mailbox.await(story.email(), 2, PATIENCE);
        assertEquals(1, dunning.stream().filter(m -> Mailbox.header(m, "X-Portico-Template").equals("dunning-1")).count());

        Reply again = api.post("api/billing/sync", Tokens.billingAdmin(story.workspace()), "");
        assertEquals(200, again.status(), again::toString);
        assertFalse(again.json().getBoolean("changed"), again::toString);
        // The webhook of that failure arrives late: older than what was fetched, it changes nothing.
        StripeEvents.deliverSettled(api, failedInvoice);
        pause(Duration.ofSeconds(2));
        assertEquals(1, Mailbox.to(story.email()).stream()
                .filter(m -> Mailbox.header(m, "X-Portico-Template").startsWith("dunning-")).count());

        Reply none = api.post("api/billing/sync", Tokens.billingAdmin(Tokens.newWorkspace()), "");
        assertEquals(409, none.status(), none::toString);
        assertEquals("NO_CUSTOMER", none.error());
    }

    @Test
    void theSweepRepairsDriftAndRecordsIt() {
        Story drifted = subscribed();
        describe(drifted, drifted.subscriptionEvent("active", true, PERIOD_END, T.plusSeconds(60)));

        JsonObject sweep = sweepCompleted();

        assertTrue(sweep.getInt("workspacesChecked") >= 1, sweep::toString);
        assertTrue(sweep.getInt("driftRepaired") >= 1, sweep::toString);
        JsonObject detail = api.get("api/operator/sweeps/" + sweep.getString("id"), Pipeline.operatorToken()).json();
        List<String> found = detail.getJsonArray("drift").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("workspaceId").equals(drifted.workspace()))
                .map(d -> d.getString("field") + ":" + text(d, "stored") + "->" + text(d, "stripe")).toList();
        assertTrue(found.contains("cancelAtPeriodEnd:false->true"), found::toString);
        JsonObject subscription = api.get("api/billing/subscription", Tokens.member(drifted.workspace())).json();
        assertTrue(subscription.getBoolean("cancelAtPeriodEnd"), subscription::toString);

        Reply unknown = api.get("api/operator/sweeps/nope", Pipeline.operatorToken());
        assertEquals(404, unknown.status());
        assertEquals("SWEEP_NOT_FOUND", unknown.error());
        assertEquals(403, api.get("api/operator/sweeps", Tokens.billingAdmin(drifted.workspace())).status());
    }

    @Test
    void aRateLimitedSweepWaitsAsStripeAsksAndCompletes() {
        StubMapping limited = stripe.override(get(urlPathEqualTo("/v1/events")).inScenario("rate-limit")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("waited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"rate_limit\",\"message\":\"Too many.\"}}")));
        try {
            int before = stripe.eventListings().size();
            JsonObject sweep = sweepCompleted();
            List<ServeEvent> listings = stripe.eventListings();
            assertEquals("COMPLETED", sweep.getString("status"), sweep::toString);
            assertTrue(listings.size() >= before + 2, "asked again after the 429");
            ServeEvent refused = listings.get(before);
            ServeEvent retried = listings.get(before + 1);
            assertEquals(429, refused.getResponse().getStatus());
            long waited = retried.getRequest().getLoggedDate().getTime() - refused.getRequest().getLoggedDate().getTime();
            assertTrue(waited >= 1900, "Retry-After: 2 honoured, waited " + waited + " ms");
        } finally {
            stripe.remove(limited);
        }
    }

    @Test
    void stripeDownForAWholeSweepChangesNothingAndTheNextSweepCatchesUp() {
        Story story = subscribed();
        EventJson scheduled = story.subscriptionEvent("active", true, PERIOD_END, Instant.now().minusSeconds(30));
        stripe.list(scheduled.json());
        StubMapping down = stripe.override(get(urlPathEqualTo("/v1/events")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Down.\"}}")));
        JsonObject failed;
        try {
            failed = sweepEnded();
        } finally {
            stripe.remove(down);
        }
        assertEquals("FAILED", failed.getString("status"), failed::toString);
        assertTrue(failed.getString("lastError").startsWith("STRIPE_UNAVAILABLE"), failed::toString);
        assertFalse(subscription(story).getBoolean("cancelAtPeriodEnd"), "nothing changed");

        JsonObject next = sweepCompleted();
        assertTrue(next.getInt("eventsRecovered") >= 1, next::toString);
        assertEquals("APPLIED", Pipeline.outcome(api, scheduled.string("id")));
        assertTrue(subscription(story).getBoolean("cancelAtPeriodEnd"));
    }

    @Test
    void pagesOverMoreThanAHundredEvents() {
        Story story = subscribed();
        List<String> ids = new ArrayList<>();
        Instant first = Instant.now().minusSeconds(600);
        for (int i = 0; i < 130; i++) {
            EventJson event = story.subscriptionEvent("active", i % 2 == 1, PERIOD_END, first.plusSeconds(i));
            ids.add(event.string("id"));
            stripe.list(event.json());
        }
        int before = stripe.eventListings().size();

        JsonObject sweep = sweepCompleted();

        assertTrue(sweep.getInt("eventsRecovered") >= 130, sweep::toString);
        List<ServeEvent> listings = stripe.eventListings().subList(before, stripe.eventListings().size());
        assertTrue(listings.size() >= 2, "paged");
        assertTrue(listings.get(1).getRequest().getUrl().contains("starting_after="), listings.get(1).getRequest().getUrl());
        Set<String> outcomes = ids.stream().map(id -> Pipeline.outcome(api, id)).collect(Collectors.toSet());
        assertTrue(Set.of("APPLIED", "IGNORED").containsAll(outcomes), outcomes::toString);
        assertTrue(subscription(story).getBoolean("cancelAtPeriodEnd"), "the newest (the 130th: cancel scheduled) wins");
    }

    /** A workspace linked to its customer, whose customer record names its email, by webhook. */
    private Story linked() {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        StripeEvents.deliverSettled(api, story.event("checkout.session.completed"));
        StripeEvents.deliverSettled(api, story.event("customer.updated"));
        return story;
    }

    /** A linked workspace with an active subscription, delivered by webhook. */
    private Story subscribed() {
        Story story = linked();
        StripeEvents.deliverSettled(api, story.subscriptionEvent("active", false, PERIOD_END, T));
        return story;
    }

    /** Stripe holds now: the story's customer (as its customer.updated told), this subscription, these invoices. */
    private void describe(Story story, EventJson subscription, EventJson... invoices) {
        List<String> invoiceJson = new ArrayList<>();
        for (EventJson invoice : invoices) {
            invoiceJson.add(invoice.object("data.object").json());
        }
        stripe.describe(story.customer(), story.event("customer.updated").object("data.object").json(),
                List.of(subscription.object("data.object").json()), invoiceJson);
    }

    /** Starts a sweep and waits until it ended, whatever its outcome; returns it then. */
    private JsonObject sweepEnded() {
        Set<String> known = sweeps().stream().map(s -> s.getString("id")).collect(Collectors.toSet());
        Reply started = eventually(() -> api.post("api/operator/sweeps", Pipeline.operatorToken(), ""),
                reply -> reply.status() == 202, PATIENCE);
        assertEquals("STARTED", started.json().getString("status"));
        return eventually(() -> sweeps().stream().filter(s -> !known.contains(s.getString("id"))
                        && !s.getString("status").equals("RUNNING")).findFirst().orElse(null),
                sweep -> sweep != null, Duration.ofSeconds(90));
    }

    private JsonObject sweepCompleted() {
        JsonObject sweep = sweepEnded();
        assertEquals("COMPLETED", sweep.getString("status"), sweep::toString);
        return sweep;
    }

    private List<JsonObject> sweeps() {
        Reply reply = api.get("api/operator/sweeps?limit=50", Pipeline.operatorToken());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("sweeps").getValuesAs(JsonObject.class);
    }

    private String access(Story story) {
        return subscription(story).getString("access");
    }

    private JsonObject subscription(Story story) {
        return api.get("api/billing/subscription", Tokens.member(story.workspace())).json();
    }

    private JsonObject workspaceEvent(Story story, String eventId) {
        Reply reply = api.get("api/billing/events?limit=200", Tokens.billingAdmin(story.workspace()));
        return reply.json().getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("id").equals(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError(eventId + " not in the event log: " + reply));
    }

    private List<String> canceledMail(Story story, int expected) {
        return eventually(() -> Mailbox.to(story.email()).stream().map(m -> Mailbox.header(m, "X-Portico-Template"))
                .filter(t -> t.equals("subscription-canceled")).toList(), found -> found.size() >= expected, PATIENCE);
    }

    /** A counter's value in the Prometheus scrape (0 before its first count): the line of that name holding {@code tag}. */
    private double metric(String name, String tag) {
        Reply scrape = api.get("metrics?scope=application", null);
        assertEquals(200, scrape.status(), scrape::toString);
        return scrape.body().lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> line.contains(tag))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static List<String> changes(Reply synced) {
        return synced.json().getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("field") + ":" + text(c, "stored") + "->" + text(c, "stripe")).toList();
    }

    private static String text(JsonObject json, String name) {
        return json.get(name) == null || json.get(name) == JsonValue.NULL ? "null" : json.getString(name);
    }
}
