package dev.portico.it.plans;

import static dev.portico.it.support.Eventually.eventually;
import static dev.portico.it.support.Eventually.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.portico.billing.testing.EventJson;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.Mailbox;
import dev.portico.it.support.Plans;
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.StripeEvents.Story;
import dev.portico.it.support.StripeStandIn;
import dev.portico.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plans through the deployed EAR with the Stripe stand-in: the catalogue read from Stripe's prices
 * and products, the switch deep link (Stripe's confirmation with its proration preview), plans
 * outside the catalogue refused, a downgrade scheduled by the portal shown and then applied by
 * webhooks, and the plan-changed emails, once each.
 */
class PlansIT extends DeployedEar {

    private static final String PORTAL_SESSION = "api/billing/portal-session";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Instant PERIOD_END = Instant.parse("2031-03-01T10:00:00Z");
    private static final Instant T = Instant.parse("2026-08-10T00:00:00Z");

    @BeforeEach
    void stripeOffersThreePlans() {
        Mailbox.start();
        Plans.offer(api, stripe);
    }

    @Test
    void theCatalogueIsStripesMarkedPricesWithTheirProductsCheapestFirst() {
        Story story = StripeEvents.subscribed(api, "active", PERIOD_END, T);

        Reply reply = api.get("api/billing/plans", Tokens.member(story.workspace()));

        assertEquals(200, reply.status(), reply::toString);
        JsonObject offer = reply.json();
        assertEquals(List.of(Plans.STARTER, Plans.TEAM, Plans.BUSINESS), offer.getJsonArray("plans")
                .getValuesAs(JsonObject.class).stream()
                .map(plan -> plan.getString("price")).toList(), "the unmarked price is not offered");
        JsonObject team = offer.getJsonArray("plans").getJsonObject(1);
        assertEquals("Team", team.getString("name"));
        assertEquals("Team plan", team.getString("description"));
        assertEquals(2000, team.getInt("amount"));
        assertEquals("usd", team.getString("currency"));
        assertEquals("month", team.getString("interval"));
        assertEquals(List.of("projects", "exports"), strings(team, "features"));
        assertEquals(List.of("Unlimited projects", "CSV exports"), strings(team, "highlights"));
        assertTrue(team.getBoolean("current"));
        assertFalse(offer.getJsonArray("plans").getJsonObject(0).getBoolean("current"));
        assertEquals(Plans.TEAM, offer.getString("current"));
        assertTrue(offer.isNull("pendingChange"));
        assertTrue(stripe.queriesOf("/v1/prices").contains(Map.of("active", "true", "expand", List.of("data.product"),
                "limit", "100")), () -> "read from Stripe with the product expanded: " + stripe.queriesOf("/v1/prices"));
    }

    @Test
    void switchingOpensStripesConfirmationOfThatPriceForTheSubscriptionsItem() {
        Story story = StripeEvents.subscribed(api, "active", PERIOD_END, T);
        String token = Tokens.billingAdmin(story.workspace());

        for (String price : List.of(Plans.BUSINESS, Plans.STARTER)) {
            Reply reply = api.post(PORTAL_SESSION, token,
                    "{\"flow\":\"subscription_update_confirm\",\"price\":\"" + price + "\"}");
            assertEquals(200, reply.status(), reply::toString);
        }

        List<LoggedRequest> sessions = stripe.portalSessionsOfCustomer(story.customer()).stream()
                .map(LoggedRequest.class::cast).toList();
        assertEquals(2, sessions.size());
        for (int i = 0; i < 2; i++) {
            Map<?, ?> flow = (Map<?, ?>) StripeStandIn.form(sessions.get(i)).get("flow_data");
            assertEquals("subscription_update_confirm", flow.get("type"));
            Map<?, ?> confirm = (Map<?, ?>) flow.get("subscription_update_confirm");
            assertEquals(story.subscription(), confirm.get("subscription"));
            Map<?, ?> item = (Map<?, ?>) ((List<?>) confirm.get("items")).get(0);
            assertTrue(String.valueOf(item.get("id")).startsWith("si_"), "the subscription's item: " + item);
            assertEquals(i == 0 ? Plans.BUSINESS : Plans.STARTER, item.get("price"));
            assertFalse(item.containsKey("quantity"), "Stripe keeps the item's quantity");
        }
    }

    @Test
    void aPlanOutsideTheCatalogueOrTheCurrentOneIsRefused() {
        Story story = StripeEvents.subscribed(api, "active", PERIOD_END, T);
        String token = Tokens.billingAdmin(story.workspace());

        for (String body : List.of(
                "{\"flow\":\"subscription_update_confirm\",\"price\":\"" + Plans.LEGACY + "\"}",
                "{\"flow\":\"subscription_update_confirm\",\"price\":\"price_NoSuchPrice\"}",
                "{\"flow\":\"subscription_update_confirm\",\"price\":\"" + Plans.TEAM + "\"}",
                "{\"flow\":\"subscription_update_confirm\"}",
                "{\"flow\":\"subscription_update\",\"price\":\"" + Plans.BUSINESS + "\"}",
                "{\"price\":\"" + Plans.BUSINESS + "\"}")) {
            Reply reply = api.post(PORTAL_SESSION, token, body);
            assertEquals(400, reply.status(), body + " → " + reply);
            assertEquals("INVALID_PLAN", reply.error(), body);
            assertFalse(reply.json().getString("message").isBlank());
        }
        assertEquals(List.of(), stripe.portalSessionsOfCustomer(story.customer()), "no session opened");
    }

    @Test
    void aDowngradeTheBillingPortalScheduledShowsUntilItApplies() {
        Story story = customer();
        deliver(story.subscriptionEvent("active", false, PERIOD_END, T));
        EventJson scheduled = Plans.scheduledSwitch(story, Plans.STARTER, PERIOD_END, T.plusSeconds(10));

        deliver(scheduled);
        deliver(scheduled.copy().newId()); // Stripe repeats itself: the same schedule as a new event

        JsonObject overview = overview(story);
        JsonObject pending = overview.getJsonObject("pendingChange");
        assertEquals(Plans.STARTER, pending.getString("price"));
        assertEquals("Starter", pending.getString("name"));
        assertEquals(PERIOD_END.toString(), pending.getString("at"));
        assertEquals(Plans.TEAM, overview.getJsonObject("price").getString("id"), "Team until the period ends");
        assertEquals(pending, api.get("api/billing/plans", Tokens.member(story.workspace())).json()
                .getJsonObject("pendingChange"));
        assertEquals(List.of("plan-changed"), planEmails(story, 1));
        MimeMessage mail = Mailbox.to(story.email()).stream().filter(PlansIT::isPlanChange).findFirst().orElseThrow();
        assertTrue(subject(mail).contains("switches to Starter on 1 March 2031"), subject(mail));

        deliver(Plans.priced(story.subscriptionEvent("active", false, PERIOD_END.plus(Duration.ofDays(31)), T.plusSeconds(20)),
                Plans.STARTER, "prod_PorticoStarter", 1000));
        deliver(released(scheduled, T.plusSeconds(21)));

        overview = overview(story);
        assertTrue(overview.isNull("pendingChange"), overview::toString);
        assertEquals(Plans.STARTER, overview.getJsonObject("price").getString("id"));
        assertEquals("Starter", overview.getJsonObject("price").getString("name"));
        List<String> subjects = planSubjects(story, 2);
        assertEquals(2, subjects.size(), subjects::toString);
        assertTrue(subjects.stream().anyMatch(subject -> subject.contains("is now on Starter")), subjects::toString);
    }

    @Test
    void aLateScheduleEventDoesNotBringBackASwitchThatApplied() {
        Story story = customer();
        deliver(story.subscriptionEvent("active", false, PERIOD_END, T));
        EventJson scheduled = Plans.scheduledSwitch(story, Plans.STARTER, PERIOD_END, T.plusSeconds(10));
        deliver(Plans.priced(story.subscriptionEvent("active", false, PERIOD_END, T.plusSeconds(20)), Plans.STARTER,
                "prod_PorticoStarter", 1000));

        deliver(scheduled); // delivered after the switch it announced

        assertTrue(overview(story).isNull("pendingChange"));
    }

    @Test
    void anUpgradeAppliedAtOnceIsAnnouncedOnceHoweverOftenStripeSaysSo() {
        Story story = customer();
        deliver(story.subscriptionEvent("active", false, PERIOD_END, T));
        EventJson upgraded = Plans.priced(story.subscriptionEvent("active", false, PERIOD_END, T.plusSeconds(10)), Plans.BUSINESS,
                "prod_PorticoBusiness", 5000);

        deliver(upgraded);
        deliver(upgraded);
        deliver(upgraded.copy().newId());

        List<String> subjects = planSubjects(story, 1);
        pause(Duration.ofSeconds(2)); // a second email would have been sent by now
        assertEquals(1, planSubjects(story, 1).size(), subjects::toString);
        assertTrue(subjects.get(0).contains("is now on Business"), subjects::toString);
        assertEquals(Plans.BUSINESS, overview(story).getJsonObject("price").getString("id"));
    }

    /** The schedule released by Stripe once its last phase began: nothing pending any more. */
    private static EventJson released(EventJson schedule, Instant created) {
        return schedule.copy().newId().type("subscription_schedule.released").created(created)
                .set("data.object.status", "released");
    }

    private Story customer() {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        deliver(story.event("checkout.session.completed"));
        deliver(story.event("customer.updated"));
        return story;
    }

    private void deliver(EventJson event) {
        StripeEvents.deliverSettled(api, event);
    }

    private JsonObject overview(Story story) {
        Reply reply = api.get("api/billing/overview", Tokens.member(story.workspace()));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<String> planEmails(Story story, int expected) {
        return eventually(() -> Mailbox.to(story.email()).stream().filter(PlansIT::isPlanChange)
                .map(message -> Mailbox.header(message, "X-Portico-Template")).toList(), found -> found.size() >= expected, PATIENCE);
    }

    private static List<String> planSubjects(Story story, int expected) {
        return eventually(() -> Mailbox.to(story.email()).stream().filter(PlansIT::isPlanChange).map(PlansIT::subject).toList(),
                found -> found.size() >= expected, PATIENCE);
    }

    private static boolean isPlanChange(MimeMessage message) {
        return "plan-changed".equals(Mailbox.header(message, "X-Portico-Template"));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonObject json, String name) {
        return json.getJsonArray(name).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }
}
