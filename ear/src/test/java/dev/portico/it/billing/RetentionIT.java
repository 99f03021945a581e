package dev.portico.it.billing;

import static dev.portico.it.support.Eventually.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.billing.testing.EventJson;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.Mailbox;
import dev.portico.it.support.Pipeline;
import dev.portico.it.support.ServerClock;
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.StripeEvents.Story;
import dev.portico.it.support.Tokens;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retention through the deployed EAR: three workspaces whose billing happened 401 days, 36 days
 * and moments ago (the server's clock moved back while they were delivered), then the purge run
 * now (POST /api/operator/purge) with the default retention (payloads P35D, events and emails
 * P400D). Only what the settings allow goes; a late duplicate is still recognised and changes nothing.
 */
class RetentionIT extends DeployedEar {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** One workspace's story and the events delivered of it. */
    private record History(Story story, List<EventJson> events) {
    }

    @Test
    void thePurgeTakesOnlyWhatRetentionAllowsAndLateDuplicatesStayRecognised() {
        Mailbox.start();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        History ancient = history(now.minus(Duration.ofDays(401)), true);
        portalSession(now.minus(Duration.ofDays(401)));
        History old = history(now.minus(Duration.ofDays(36)), false);
        History recent = history(now, false);
        ServerClock.reset(api);
        portalSession(now);
        List<String> oldMail = templates(old);
        JsonObject oldStatus = status(old);

        Reply purge = api.post("api/operator/purge", Pipeline.operatorToken(), null);

        assertEquals(200, purge.status(), purge::toString);
        JsonObject billing = purge.json().getJsonObject("billing");
        JsonObject notification = purge.json().getJsonObject("notification");
        int ancientEvents = ancient.events().size();
        assertTrue(billing.getInt("eventPayloads") >= ancientEvents + old.events().size(), billing::toString);
        assertTrue(billing.getInt("events") >= ancientEvents, billing::toString);
        assertTrue(billing.getInt("publications") >= 1, billing::toString);
        assertTrue(billing.getInt("throttles") >= 1, billing::toString);
        assertTrue(notification.getInt("emails") >= 1, notification::toString);
        assertTrue(notification.getInt("dunning") >= 1, notification::toString);

        for (EventJson event : ancient.events()) {
            Reply gone = api.get("api/operator/events/" + event.string("id"), Pipeline.operatorToken());
            assertEquals(404, gone.status(), "a settled event 401 days old is deleted: " + gone);
        }
        for (EventJson event : old.events()) {
            JsonObject kept = Pipeline.event(api, event.string("id"));
            assertEquals("APPLIED", kept.getString("outcome"), kept::toString);
            assertEquals(true, kept.getBoolean("payloadPurged"), "36 days: the payload goes, the outcome stays");
        }
        for (EventJson event : recent.events()) {
            assertEquals(false, Pipeline.event(api, event.string("id")).getBoolean("payloadPurged"));
        }
        assertEquals(List.of(), templates(ancient), "emails 401 days old are deleted from the log");
        assertEquals(oldMail, templates(old), "emails 36 days old stay");
        assertTrue(!templates(recent).isEmpty());

        // Stripe delivers the 36-day-old events once more: recognised, applied no second time.
        int mailBefore = Mailbox.to(old.story().email()).size();
        for (EventJson event : old.events()) {
            Reply again = StripeEvents.deliver(api, event);
            assertEquals(200, again.status(), again::toString);
            assertEquals(true, again.json().getBoolean("duplicate"), again::toString);
            assertEquals("APPLIED", again.json().getString("status"));
        }
        // And a 401-day-old one, whose row is gone: a duplicate by age, not stored, not applied.
        EventJson ancientEvent = ancient.events().get(ancient.events().size() - 1);
        Reply replay = StripeEvents.deliver(api, ancientEvent);
        assertEquals(200, replay.status(), replay::toString);
        assertEquals(true, replay.json().getBoolean("duplicate"), replay::toString);
        assertEquals("EXPIRED", replay.json().getString("status"));
        assertEquals(404, api.get("api/operator/events/" + ancientEvent.string("id"), Pipeline.operatorToken()).status());
        pause(Duration.ofMillis(1500));
        assertEquals(oldStatus, status(old), "the duplicates changed nothing");
        assertEquals(mailBefore, Mailbox.to(old.story().email()).size(), "and sent nothing");
        assertEquals(List.of(), templates(ancient));

        Reply again = api.post("api/operator/purge", Pipeline.operatorToken(), null);
        assertEquals(200, again.status(), again::toString);
        assertEquals(0, again.json().getJsonObject("billing").getInt("eventPayloads"), again::toString);
        assertEquals(0, again.json().getJsonObject("billing").getInt("events"), again::toString);
        assertEquals(0, again.json().getJsonObject("notification").getInt("emails"), again::toString);
        String metrics = api.get("metrics?scope=application", null).body();
        for (String kind : List.of("eventPayloads", "events", "emails")) {
            assertTrue(purgedCount(metrics, kind) >= 1, kind + " counted in " + metrics);
        }
    }

    /**
     * A workspace that checked out, named its billing contact, subscribed, failed one payment and
     * paid it, all at {@code at} by the server's clock (and Stripe's); its emails sent.
     */
    private History history(Instant at, boolean dunning) {
        ServerClock.set(api, at);
        Story story = StripeEvents.story(Tokens.newWorkspace());
        List<EventJson> events = new ArrayList<>();
        events.add(story.event("checkout.session.completed").created(at));
        events.add(story.event("customer.updated").created(at.plusSeconds(1)));
        events.add(story.subscriptionEvent("active", false, at.plus(Duration.ofDays(30)), at.plusSeconds(2)));
        if (dunning) {
            events.add(story.invoiceEvent("invoice.payment_failed", 1, at.plusSeconds(3)));
            events.add(story.invoiceEvent("invoice.paid", 2, at.plusSeconds(4)));
        }
        events.forEach(event -> StripeEvents.deliverSettled(api, event));
        Mailbox.await(story.email(), dunning ? 3 : 1, PATIENCE);
        return new History(story, events);
    }

    /** A portal session of a new workspace at {@code at}: it leaves a throttle row. */
    private void portalSession(Instant at) {
        ServerClock.set(api, at);
        String workspace = Tokens.newWorkspace();
        Reply reply = api.post("api/billing/portal-session", Tokens.billingAdmin(workspace), null);
        assertEquals(200, reply.status(), reply::toString);
    }

    /** The {@code portico_retention_purged_total} sample of {@code kind} in a Prometheus scrape; 0 when none. */
    private static double purgedCount(String scrape, String kind) {
        return scrape.lines().filter(line -> line.startsWith("portico_retention_purged_total{")
                        && line.contains("kind=\"" + kind + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private List<String> templates(History history) {
        Reply reply = api.get("api/notifications/log", Tokens.billingAdmin(history.story().workspace()));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("emails").stream()
                .map(entry -> entry.asJsonObject().getString("template")).sorted().toList();
    }

    private JsonObject status(History history) {
        Reply reply = api.get("api/billing/subscription", Tokens.billingAdmin(history.story().workspace()));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }
}
