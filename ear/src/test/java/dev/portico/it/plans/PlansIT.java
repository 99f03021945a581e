package dev.portico.it.plans;

import static dev.portico.it.support.Eventually.eventually;
import static dev.portico.it.support.Eventually.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import dev.portico.billing.testing.EventJson;
import dev.portico.billing.testing.StripeExamples;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plans through the deployed EAR with the Stripe stand-in: the catalogue read from Stripe's prices
 * and products, the switch deep link (Stripe's confirmation with its proration preview), plans
 * outside the catalogue refused, a downgrade scheduled by the portal shown and then applied by
 * webhooks, and the plan-changed emails, once each. Then {@code @Entitled}: the example's export
 * allowed by a plan that includes exports and refused with the plans that do by one that does not;
 * the feature set following a plan change, a product's features edited in Stripe, and Stripe
 * Entitlements' own list; the access check's {@code feature=}. One class, one deployment: the
 * Derby pass runs it (ear/pom.xml); on PostgreSQL, ClusterIT's plan drill writes the same columns.
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

    @AfterEach
    void plansAsOffered() {
        Plans.offer(api, stripe); // a test may have edited a product's features
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

    // @Entitled: the example's export, @Entitled("exports")

    @Test
    void aPlanWithTheFeatureMayExportAndOneWithoutIsRefusedNamingThePlansThatHaveIt() {
        Story team = subscribedTo(Plans.TEAM, "prod_QXg1hqf4jFNsqG", 2000);
        Story starter = subscribedTo(Plans.STARTER, "prod_PorticoStarter", 1000);

        Reply allowed = export(team);
        assertEquals(200, allowed.status(), allowed::toString);
        assertEquals("json", allowed.json().getString("format"));

        Reply refused = export(starter);
        assertEquals(402, refused.status(), refused::toString);
        assertEquals("FEATURE_NOT_IN_PLAN", refused.error());
        assertEquals("exports", refused.json().getString("feature"));
        assertFalse(refused.json().getBoolean("included"));
        assertEquals(List.of(Plans.TEAM + " Team", Plans.BUSINESS + " Business"), plans(refused.json()));
        assertTrue(refused.json().getString("message").contains("Team, Business"), refused::toString);
        assertEquals(200, api.get(notes(starter), Tokens.member(starter.workspace())).status(), "reading needs no plan feature");
        assertEquals(404, api.get(notes(starter) + "/export", Tokens.member(team.workspace())).status(),
                "another workspace's export");
    }

    @Test
    void theFeatureSetFollowsThePlanAsWebhooksChangeIt() {
        Story story = subscribedTo(Plans.STARTER, "prod_PorticoStarter", 1000);
        assertEquals(402, export(story).status());

        StripeEvents.deliverSettled(api, Plans.priced(story.subscriptionEvent("active", false, PERIOD_END, T.plusSeconds(10)),
                Plans.BUSINESS, "prod_PorticoBusiness", 5000));
        assertEquals(200, eventually(() -> export(story), reply -> reply.status() == 200, PATIENCE).status());

        StripeEvents.deliverSettled(api, story.subscriptionEvent("canceled", false, T.minusSeconds(86_400), T.plusSeconds(20)));
        Reply ended = eventually(() -> export(story), reply -> reply.status() == 402, PATIENCE);
        assertEquals("SUBSCRIPTION_EXPIRED", ended.error(), "billing speaks first once access has ended");
        assertEquals(402, access(story, "feature=exports").status(), "no plan in force, no feature");
        assertEquals("FEATURE_NOT_IN_PLAN", access(story, "feature=exports").error());
    }

    @Test
    void aProductsFeaturesEditedInStripeApplyOnceStripeSaysSo() {
        Story story = subscribedTo(Plans.TEAM, "prod_QXg1hqf4jFNsqG", 2000);
        assertEquals(200, export(story).status());

        stripe.plan(Plans.TEAM, "prod_QXg1hqf4jFNsqG", "Team", 2000, "month", List.of("projects"), List.of("Unlimited projects"));
        StripeEvents.deliverSettled(api, StripeExamples.event("price.updated").newId());

        Reply refused = eventually(() -> export(story), reply -> reply.status() == 402, PATIENCE);
        assertEquals(List.of(Plans.BUSINESS + " Business"), plans(refused.json()));
    }

    @Test
    void stripeEntitlementsListWinsOverThePlansFeaturesNewestListFirst() {
        Story story = subscribedTo(Plans.STARTER, "prod_PorticoStarter", 1000);
        EventJson granted = entitlements(story, List.of("exports", "sso"), T.plusSeconds(30));
        EventJson withdrawn = entitlements(story, List.of(), T.plusSeconds(40));

        StripeEvents.deliverSettled(api, granted);
        assertEquals(200, eventually(() -> export(story), reply -> reply.status() == 200, PATIENCE).status());
        JsonObject check = access(story, "feature=sso").json();
        assertTrue(check.getBoolean("included"), check::toString);

        StripeEvents.deliverSettled(api, withdrawn);
        assertEquals(402, eventually(() -> export(story), reply -> reply.status() == 402, PATIENCE).status(),
                "an empty list is a list: the plan's features no longer apply");
        StripeEvents.deliverSettled(api, granted.copy().newId()); // an older list, delivered late
        assertEquals(402, export(story).status());
    }

    @Test
    void theAccessCheckAnswersForAFeatureAndBillingSpeaksFirst() {
        Story team = subscribedTo(Plans.TEAM, "prod_QXg1hqf4jFNsqG", 2000);
        Story starter = subscribedTo(Plans.STARTER, "prod_PorticoStarter", 1000);

        Reply allowed = access(team, "feature=exports");
        assertEquals(200, allowed.status(), allowed::toString);
        assertTrue(allowed.json().getBoolean("included"));
        assertEquals("full", allowed.json().getString("access"));

        Reply refused = access(starter, "feature=exports&operation=read&refusedStatus=403");
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("FEATURE_NOT_IN_PLAN", refused.error());
        assertEquals("FEATURE_NOT_IN_PLAN", refused.header("X-Portico-Code"));
        assertEquals(List.of(Plans.TEAM + " Team", Plans.BUSINESS + " Business"), plans(refused.json()));

        StripeEvents.deliverSettled(api, team.subscriptionEvent("past_due", false, PERIOD_END, T.plusSeconds(50)));
        Reply write = eventually(() -> access(team, "feature=exports&operation=write"), reply -> reply.status() == 402,
                PATIENCE);
        assertEquals("PAYMENT_PAST_DUE", write.error(), write::toString);
        assertEquals(400, access(team, "feature=" + "x".repeat(81)).status());
        assertEquals(400, access(team, "feature=ex%20ports").status());
    }

    private Story subscribedTo(String price, String product, long amount) {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        StripeEvents.deliverSettled(api, story.event("checkout.session.completed"));
        StripeEvents.deliverSettled(api, Plans.priced(story.subscriptionEvent("active", false, PERIOD_END, T), price, product,
                amount));
        return story;
    }

    /** Stripe Entitlements' summary for the story's customer: these features, at {@code created}. */
    private static EventJson entitlements(Story story, List<String> lookupKeys, Instant created) {
        EventJson event = story.event("entitlements.active_entitlement_summary.updated").newId().created(created);
        EventJson template = event.object("data.object.entitlements.data.0");
        event.set("data.object.entitlements.data", new JsonArray());
        for (int i = 0; i < lookupKeys.size(); i++) {
            event.add("data.object.entitlements.data." + i, template.copy()
                    .set("lookup_key", lookupKeys.get(i)).set("feature.lookup_key", lookupKeys.get(i)).set("id", "ent_" + i));
        }
        return event;
    }

    private Reply export(Story story) {
        return api.get(notes(story) + "/export", Tokens.member(story.workspace()));
    }

    private Reply access(Story story, String query) {
        return api.get("api/access?" + query, Tokens.member(story.workspace()));
    }

    private static String notes(Story story) {
        return "api/workspaces/" + story.workspace() + "/notes";
    }

    private static List<String> plans(JsonObject refusal) {
        return refusal.getJsonArray("plans").getValuesAs(JsonObject.class).stream()
                .map(plan -> plan.getString("price") + " " + plan.getString("name")).toList();
    }
}
