package dev.portico.workspace.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BillingStandingTest {

    private static final Instant T1 = Instant.parse("2026-07-20T08:00:00Z");
    private static final Instant T2 = T1.plusSeconds(3600);
    private static final Instant T3 = T2.plusSeconds(3600);

    @Test
    void graceRunsFromTheFirstEventOfAStatus() {
        BillingStanding standing = new BillingStanding("ws-1");
        standing.take("past_due", null, "price_1", T1, T3);
        standing.take("past_due", Instant.parse("2026-09-01T00:00:00Z"), "price_1", T2, T3);
        assertEquals(T1, standing.statusSince());
        assertEquals(T2, standing.asOf());
        standing.take("active", null, "price_1", T3, T3);
        assertEquals(T3, standing.statusSince());
    }

    @Test
    void anOlderStateNeverOverwritesANewerOne() {
        BillingStanding standing = new BillingStanding("ws-1");
        standing.take("canceled", null, "price_1", T2, T3);
        standing.take("active", null, "price_1", T1, T3);
        assertEquals("canceled", standing.status());
        assertEquals(T2, standing.asOf());
    }

    @Test
    void entitlementsFollowTheNewestListAndAStatusLaterTakesOverAPlaceholder() {
        BillingStanding standing = BillingStanding.unsubscribed("ws-1", T1);
        assertEquals(null, standing.entitlements(), "never said: the plan's features apply");

        standing.takeEntitlements(Set.of("sso", "exports"), T2, T3);
        standing.takeEntitlements(Set.of(), T1, T3);
        assertEquals(Set.of("exports", "sso"), standing.entitlements(), "an older list is ignored");
        standing.takeEntitlements(Set.of(), T3, T3);
        assertEquals(Set.of(), standing.entitlements(), "an empty list is a list");

        standing.take("active", null, "price_2", T1, T3);
        assertEquals("active", standing.status());
        assertEquals("price_2", standing.priceId());
    }
}
