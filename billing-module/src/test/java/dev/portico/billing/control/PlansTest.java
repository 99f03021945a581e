package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.model.Price;
import com.stripe.model.SubscriptionSchedule;
import com.stripe.net.ApiResource;
import dev.portico.billing.api.PlanChanged;
import dev.portico.billing.api.PlanChanged.Change;
import dev.portico.billing.api.PlanPrice;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.boundary.OfferedPlan;
import dev.portico.billing.entity.AccountState;
import dev.portico.billing.entity.ScheduleSnapshot;
import dev.portico.billing.testing.StripeExamples;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plans as billing reads them from Stripe: offered prices, schedules, and which change is which. */
class PlansTest {

    private static final Instant T = Instant.parse("2026-08-10T00:00:00Z");
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-1");

    @Test
    void aScheduleHoldsThePhaseAfterTheCurrentOne() {
        SubscriptionSchedule schedule = schedule(StripeExamples.event("subscription_schedule.updated").json());

        assertEquals(new ScheduleSnapshot("sub_1Pgc6rB7WZ01zgkWNy0Cn5nw", Optional.of("price_1PgagbB7WZ01zgkWStarter"),
                Optional.of(Instant.parse("2026-08-01T10:00:00Z"))), Snapshots.of(schedule));
    }

    @Test
    void aReleasedScheduleOrOneWithoutANextPhaseHoldsNothing() {
        String released = StripeExamples.event("subscription_schedule.updated").set("data.object.status", "released").json();
        String lastPhase = StripeExamples.event("subscription_schedule.updated")
                .set("data.object.current_phase.end_date", 1_788_256_800L).json();

        assertEquals(Optional.empty(), Snapshots.of(schedule(released)).pendingPriceId());
        assertEquals(Optional.empty(), Snapshots.of(schedule(lastPhase)).pendingPriceId());
    }

    @Test
    void anOfferedPriceTakesItsProductsNameDescriptionFeaturesAndMarketingFeatures() {
        Price price = ApiResource.GSON.fromJson("""
                {"id": "price_team", "object": "price", "active": true, "currency": "usd", "unit_amount": 2000,
                 "metadata": {"portico_plan": "true"}, "recurring": {"interval": "year", "interval_count": 1},
                 "product": {"id": "prod_team", "object": "product", "active": true, "name": "Team",
                   "description": "For teams", "metadata": {"portico_features": "projects, exports,bad key,exports"},
                   "marketing_features": [{"name": "Unlimited projects"}, {"name": "CSV exports"}]}}
                """, Price.class);

        OfferedPlan plan = PlanCatalogue.plan(price).orElseThrow();

        assertEquals(new OfferedPlan("price_team", "prod_team", "Team", "For teams", 2000L, "usd", "year", 1,
                List.of("projects", "exports"), List.of("Unlimited projects", "CSV exports")), plan);
        assertTrue(plan.includes("exports"));
    }

    @Test
    void aPriceOfAnInactiveProductOrWithoutRecurrenceIsNoPlan() {
        String inactive = """
                {"id": "price_a", "object": "price", "recurring": {"interval": "month"},
                 "product": {"id": "prod_a", "object": "product", "active": false, "name": "Old"}}""";
        String oneOff = """
                {"id": "price_b", "object": "price", "product": {"id": "prod_b", "object": "product", "active": true}}""";

        assertEquals(Optional.empty(), PlanCatalogue.plan(ApiResource.GSON.fromJson(inactive, Price.class)));
        assertEquals(Optional.empty(), PlanCatalogue.plan(ApiResource.GSON.fromJson(oneOff, Price.class)));
    }

    @Test
    void aPriceChangeIsAnUpgradeOrADowngradeByTheMonthlyAmount() {
        PlanChanges changes = new PlanChanges();
        changes.catalogue = new PlanCatalogue();
        AccountState team = state("sub_1", "active", price("price_team", 2000, "month", 1));

        assertEquals(Change.UPGRADED, change(changes, team, state("sub_1", "active", price("price_biz", 5000, "month", 1))));
        assertEquals(Change.DOWNGRADED, change(changes, team, state("sub_1", "past_due", price("price_s", 1000, "month", 1))));
        assertEquals(Change.SWITCHED, change(changes, team, state("sub_1", "active", price("price_y", 24000, "year", 1))),
                "the same per month");
        assertEquals(Change.UPGRADED, change(changes, team, state("sub_1", "active", price("price_team2", 2000, "month", 2))),
                "more seats");
        assertEquals(Optional.empty(), changes.applied("evt_1", T, WORKSPACE, team, state("sub_2", "active",
                price("price_biz", 5000, "month", 1))), "another subscription is no switch");
        assertEquals(Optional.empty(), changes.applied("evt_1", T, WORKSPACE, team, state("sub_1", "canceled",
                price("price_biz", 5000, "month", 1))));
        assertEquals(Optional.empty(), changes.applied("evt_1", T, WORKSPACE, team, team));
    }

    private static Change change(PlanChanges changes, AccountState before, AccountState after) {
        PlanChanged changed = changes.applied("evt_1", T, WORKSPACE, before, after).orElseThrow();
        assertEquals(before.priceId(), changed.fromName(), "named by the price when no plan is held");
        return changed.change();
    }

    private static PlanPrice price(String id, long amount, String interval, long quantity) {
        return new PlanPrice(id, "prod_" + id, amount, "usd", interval, 1L, quantity);
    }

    private static AccountState state(String subscription, String status, PlanPrice plan) {
        return new AccountState(subscription, status, plan.priceId(), T, false, null, null, null, null, null, null, null, null,
                plan, T);
    }

    private static SubscriptionSchedule schedule(String eventJson) {
        return (SubscriptionSchedule) TypedEvent.read(Envelope.parse(eventJson));
    }
}
