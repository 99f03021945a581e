package dev.portico.workspace.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.billing.api.PlansOffered;
import dev.portico.workspace.api.Access;
import dev.portico.workspace.api.AccessDecision;
import dev.portico.workspace.api.FeatureDecision;
import dev.portico.workspace.api.PlanOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureRuleTest {

    private static final Instant T = Instant.parse("2026-08-10T00:00:00Z");
    private static final AccessDecision FULL = AccessDecision.full("active");
    private static final List<PlansOffered.Plan> WITH_EXPORTS = List.of(
            new PlansOffered.Plan("price_team", "Team", Set.of("exports")),
            new PlansOffered.Plan("price_biz", "Business", Set.of("exports", "sso")));

    @Test
    void thePlansFeaturesApplyWhileItIsInForce() {
        Standing team = new Standing("active", T, T, T, "price_team", null, null);

        assertTrue(FeatureRule.decide("exports", team, FULL, Set.of("exports"), WITH_EXPORTS).included());
        FeatureDecision refused = FeatureRule.decide("exports", team, FULL, Set.of("projects"), WITH_EXPORTS);
        assertFalse(refused.included());
        assertEquals(List.of(new PlanOption("price_team", "Team"), new PlanOption("price_biz", "Business")), refused.plans());
        assertEquals("The workspace's plan does not include exports. It comes with Team, Business.", refused.message());
    }

    @Test
    void withoutASubscriptionOrOnceAccessEndedThereIsNoPlan() {
        AccessDecision ended = new AccessDecision(Access.NONE, "SUBSCRIPTION_CANCELED", "ended");

        assertFalse(FeatureRule.decide("exports", new Standing("canceled", T, T, T, "price_team", null, null), ended,
                Set.of("exports"), WITH_EXPORTS).included());
        assertFalse(FeatureRule.decide("exports", Standing.NONE, FULL, Set.of("exports"), WITH_EXPORTS).included(),
                "unsubscribed workspaces may have full access by setting, but no plan");
        assertTrue(FeatureRule.decide("exports", new Standing("past_due", T, T, T, "price_team", null, null),
                new AccessDecision(Access.READ_ONLY, "PAYMENT_PAST_DUE", "late"), Set.of("exports"), WITH_EXPORTS).included(),
                "a read-only workspace keeps its plan's features: @Guarded decides what it may write");
    }

    @Test
    void stripeEntitlementsListIsTheFeatureSetOnceItCame() {
        Standing entitled = new Standing("active", T, T, T, "price_team", Set.of("sso"), T);

        assertTrue(FeatureRule.decide("sso", entitled, FULL, Set.of("exports"), WITH_EXPORTS).included());
        assertFalse(FeatureRule.decide("exports", entitled, FULL, Set.of("exports"), WITH_EXPORTS).included());
        assertFalse(FeatureRule.decide("sso", new Standing("active", T, T, T, "price_team", Set.of(), T), FULL,
                Set.of("sso"), WITH_EXPORTS).included(), "an empty list is a list");
    }

    @Test
    void theCacheKeepsTheNewerEntitlementsOfTheSameState() {
        Standing older = new Standing("active", T, T, T, "price_team", Set.of(), T);
        Standing newer = new Standing("active", T, T, T, "price_team", Set.of("sso"), T.plusSeconds(1));

        assertTrue(older.olderThan(newer));
        assertFalse(newer.olderThan(older));
        assertTrue(new Standing("active", T, T, T).olderThan(older), "no list yet is older than a list");
    }
}
