package dev.portico.it.plans;

import static dev.portico.it.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import dev.portico.billing.testing.EventJson;
import dev.portico.billing.testing.StripeExamples;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.Plans;
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.StripeEvents.Story;
import dev.portico.it.support.Tokens;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @Entitled} through the deployed EAR: the example's export ({@code @Entitled("exports")})
 * allowed by a plan that includes exports and refused with the plans that do by one that does not;
 * the feature set following a plan change, a product's features edited in Stripe, and Stripe
 * Entitlements' own list; the access check's {@code feature=}.
 */
class EntitledIT extends DeployedEar {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Instant PERIOD_END = Instant.parse("2031-03-01T10:00:00Z");
    private static final Instant T = Instant.parse("2026-08-10T00:00:00Z");

    @BeforeEach
    void stripeOffersThreePlans() {
        Plans.offer(api, stripe);
    }

    @AfterEach
    void plansAsOffered() {
        Plans.offer(api, stripe); // a test may have edited a product's features
    }

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
